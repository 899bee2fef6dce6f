package cn.tongyi.core.service;

import cn.tongyi.web.ApiProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request for help in this branch (R-SERVICE-1), by a member of this or another branch (R-LEDGER-2). Its life:
 * PENDING_REVIEW → REJECTED, or OFFERED (to ranked volunteers) → ACCEPTED (by exactly one) → COMPLETED or NO_SHOW;
 * the requester may cancel it until 2 hours before the start.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest extends PanacheEntityBase {

    /** R-SERVICE-2: a steward reviews within 30 minutes. */
    public static final Duration REVIEW_WITHIN = Duration.ofMinutes(30);

    public enum Status {
        PENDING_REVIEW,
        REJECTED,
        OFFERED,
        ACCEPTED,
        COMPLETED,
        CANCELLED,
        /** R-SERVICE-8: the volunteer did not come. */
        NO_SHOW
    }

    /** R-SERVICE-7: a requester cancels at least 2 hours before the start. */
    public static final Duration CANCEL_BEFORE = Duration.ofHours(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requester_person_id", nullable = false)
    public Long requesterPersonId;

    @Column(name = "requester_home_branch", nullable = false)
    public String requesterHomeBranch;

    @Column(name = "requester_name", nullable = false)
    public String requesterName;

    @Column(name = "service_type", nullable = false)
    public String serviceType;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(nullable = false)
    public String place;

    @Column(name = "building_id")
    public Long buildingId;

    @Column(name = "expected_minutes", nullable = false)
    public int expectedMinutes;

    @Column(nullable = false)
    public String description;

    @Column(name = "pay_with_points", nullable = false)
    public boolean payWithPoints;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "volunteer_member_id")
    public UUID volunteerMemberId;

    @Column(name = "volunteer_person_id")
    public Long volunteerPersonId;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "actual_minutes")
    public Integer actualMinutes;

    public Integer rating;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "paper_form_no")
    public String paperFormNo;

    /** Centi-points credited to the volunteer (R-SERVICE-6). */
    public Long credited;

    /** Centi-points the requester paid the volunteer, 0 unless paid with points. */
    public Long paid;

    /** Centi-points of a promotion day's bonus (R-SERVICE-10), 0 on other days. */
    @Column(name = "promotion_bonus")
    public Long promotionBonus;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "judged_malicious_by")
    public String judgedMaliciousBy;

    @Column(name = "judged_malicious_at")
    public OffsetDateTime judgedMaliciousAt;

    @Column(name = "no_show_recorded_by")
    public String noShowRecordedBy;

    @Column(name = "no_show_at")
    public OffsetDateTime noShowAt;

    /** The request, its row locked until the transaction ends: changes of its status run one after the other. */
    static ServiceRequest lock(long id) {
        return ServiceRequest.<ServiceRequest>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiProblem.notFound("request-not-found", "No such service request"));
    }

    /**
     * The request if the caller may see it: its requester, its volunteer, or the branch's stewards and head. Anyone
     * else gets the same 404 as for a request that does not exist.
     */
    static ServiceRequest visibleTo(long id, Long personId, boolean staff) {
        ServiceRequest request = ServiceRequests.find(id);
        if (!staff && !request.requesterPersonId.equals(personId) && !request.isVolunteer(personId)) {
            throw ApiProblem.notFound("request-not-found", "No such service request of yours");
        }
        return request;
    }

    private boolean isVolunteer(Long personId) {
        return volunteerPersonId != null && volunteerPersonId.equals(personId);
    }

    /** R-SERVICE-2: still waiting for review past the 30-minute mark. */
    public boolean overdueAt(OffsetDateTime now) {
        return status == Status.PENDING_REVIEW && now.isAfter(createdAt.plus(REVIEW_WITHIN));
    }
}
