package cn.tongyi.core.service;

import cn.tongyi.core.building.Building;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.member.HomeMembers;
import cn.tongyi.core.volunteer.SkillTag;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Posting and reviewing requests (R-SERVICE-1, R-SERVICE-2); approval hands the request to {@link Matching}. */
@ApplicationScoped
public class ServiceRequests {

    public record NewRequest(String serviceType, OffsetDateTime startsAt, String place, Long buildingId,
            int expectedMinutes, String description, boolean payWithPoints) {
    }

    public record Reviewed(ServiceRequest request, List<VolunteerRanking.Ranked> ranking, OffsetDateTime expiresAt) {
    }

    private final HomeMembers homeMembers;
    private final LedgerService ledger;
    private final Matching matching;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;

    ServiceRequests(HomeMembers homeMembers, LedgerService ledger, Matching matching, CurrentBranch currentBranch,
            BusinessClock clock) {
        this.homeMembers = homeMembers;
        this.ledger = ledger;
        this.matching = matching;
        this.currentBranch = currentBranch;
        this.clock = clock;
    }

    /** R-SERVICE-1: refused up front when the member may not post or, paying with points, cannot pay. */
    public ServiceRequest post(long personId, NewRequest body) {
        requireActiveBranch();
        OffsetDateTime now = clock.now();
        LocalDate today = clock.today();
        validate(body, now);
        HomeMembers.HomeMember member = homeMembers.of(personId, today)
                .orElseThrow(() -> ApiProblem.notFound("member-not-found", "You are not a member of any branch"));
        if (member.revoked()) {
            throw ApiProblem.conflict("membership-revoked", "This membership was revoked");
        }
        if (member.frozenOn(today)) {
            throw ApiProblem.conflict("member-frozen",
                    "You may not post requests until after " + member.frozenUntil());
        }
        if (!member.activeMembership()) {
            throw ApiProblem.conflict("membership-inactive", "No paid membership year covers today");
        }
        if (body.payWithPoints()) {
            long price = Points.ofMinutes(body.expectedMinutes());
            long balance = ledger.balance(personId);
            if (balance < price) {
                throw LedgerService.insufficient(balance, price);
            }
        }
        ServiceRequest request = new ServiceRequest();
        request.requesterPersonId = personId;
        request.requesterHomeBranch = member.homeBranch().value();
        request.requesterName = member.name();
        request.serviceType = body.serviceType();
        request.startsAt = body.startsAt();
        request.place = body.place().strip();
        request.buildingId = body.buildingId();
        request.expectedMinutes = body.expectedMinutes();
        request.description = body.description().strip();
        request.payWithPoints = body.payWithPoints();
        request.status = ServiceRequest.Status.PENDING_REVIEW;
        request.createdAt = now;
        request.persist();
        return request;
    }

    /** R-SERVICE-2, R-SERVICE-3: a rejection ends the request; an approval offers it to the best volunteers. */
    public Reviewed review(long id, boolean approve, String reason, String steward) {
        ServiceRequest request = ServiceRequest.lock(id);
        if (request.status != ServiceRequest.Status.PENDING_REVIEW) {
            throw ApiProblem.conflict("request-not-pending", "This request is " + request.status);
        }
        if (!approve && (reason == null || reason.isBlank())) {
            throw ApiProblem.invalidField("reason-required", "reason", "A rejection says why");
        }
        OffsetDateTime now = clock.now();
        request.reviewedBy = steward;
        request.reviewedAt = now;
        request.reviewReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (!approve) {
            request.status = ServiceRequest.Status.REJECTED;
            return new Reviewed(request, List.of(), null);
        }
        request.status = ServiceRequest.Status.OFFERED;
        OffsetDateTime expiresAt = now.plus(ServiceOffer.OPEN_FOR);
        return new Reviewed(request, matching.offer(request, now, expiresAt), expiresAt);
    }

    /**
     * R-SERVICE-4: once every offer of an approved request has lapsed, a steward offers it again, to the best-ranked
     * volunteers who have not been asked yet. 409 while an offer is still open.
     */
    public Reviewed reoffer(long id) {
        ServiceRequest request = ServiceRequest.lock(id);
        if (request.status != ServiceRequest.Status.OFFERED) {
            throw ApiProblem.conflict("request-not-offered", "This request is " + request.status);
        }
        OffsetDateTime now = clock.now();
        if (ServiceOffer.count("requestId = ?1 and status = ?2 and expiresAt > ?3", id, ServiceOffer.Status.OPEN,
                now) > 0) {
            throw ApiProblem.conflict("offers-still-open", "This request still has offers open to accept");
        }
        ServiceOffer.update("status = ?1 where requestId = ?2 and status = ?3", ServiceOffer.Status.LAPSED, id,
                ServiceOffer.Status.OPEN);
        OffsetDateTime expiresAt = now.plus(ServiceOffer.OPEN_FOR);
        return new Reviewed(request, matching.offer(request, now, expiresAt), expiresAt);
    }

    public static ServiceRequest find(long id) {
        return ServiceRequest.<ServiceRequest>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("request-not-found", "No such service request"));
    }

    private void validate(NewRequest body, OffsetDateTime now) {
        if (SkillTag.count("code = ?1 and active = true", body.serviceType()) == 0) {
            throw ApiProblem.invalidField("unknown-service-type", "serviceType",
                    "No active service type " + body.serviceType() + " in this branch");
        }
        if (!body.startsAt().isAfter(now)) {
            throw ApiProblem.invalidField("starts-in-past", "startsAt", "The service starts in the future");
        }
        if (body.expectedMinutes() % 15 != 0) {
            throw ApiProblem.invalidField("invalid-duration", "expectedMinutes",
                    "Durations count in quarter hours: 15, 30, … 480 minutes");
        }
        if (body.buildingId() != null && Building.findById(body.buildingId()) == null) {
            throw ApiProblem.invalidField("unknown-building", "buildingId",
                    "No building " + body.buildingId() + " in this branch");
        }
    }

    private void requireActiveBranch() {
        Branch branch = Branch.byCode(currentBranch.require().value()).orElseThrow();
        if (branch.status != BranchStatus.ACTIVE) {
            throw ApiProblem.conflict("branch-not-active",
                    "Only an ACTIVE branch takes requests; this one is " + branch.status);
        }
    }
}
