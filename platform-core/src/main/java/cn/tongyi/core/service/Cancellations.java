package cn.tongyi.core.service;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.PostedTransfer;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.member.HomeMembers;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * R-SERVICE-7..9, R-COMPLAINT-3: a requester cancels in time; a steward records a volunteer's no-show (5 points, through
 * the ledger, flooring at zero unless the branch allows negative balances) or judges a cancellation malicious (the
 * requester may not post for a month, in their home branch).
 */
@ApplicationScoped
class Cancellations {

    static final long NO_SHOW_PENALTY = Points.of(5);

    /** How late a volunteer may be before a steward can record a no-show. */
    static final Duration NO_SHOW_AFTER = Duration.ofMinutes(15);

    static final Set<ServiceRequest.Status> CANCELLABLE = EnumSet.of(ServiceRequest.Status.PENDING_REVIEW,
            ServiceRequest.Status.OFFERED, ServiceRequest.Status.ACCEPTED);

    /** The request, its penalty, and whether this call recorded the no-show (false: it was recorded before). */
    record NoShow(ServiceRequest request, PostedTransfer penalty, boolean recordedNow) {
    }

    record Judgement(ServiceRequest request, LocalDate frozenUntil) {
    }

    private final EntityManager em;
    private final LedgerService ledger;
    private final HomeMembers homeMembers;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;

    Cancellations(EntityManager em, LedgerService ledger, HomeMembers homeMembers, CurrentBranch currentBranch,
            BusinessClock clock) {
        this.em = em;
        this.ledger = ledger;
        this.homeMembers = homeMembers;
        this.currentBranch = currentBranch;
        this.clock = clock;
    }

    ServiceRequest cancel(long id, long requesterPersonId, String reason) {
        ServiceRequest request = ServiceRequest.lock(id);
        if (!request.requesterPersonId.equals(requesterPersonId)) {
            throw ApiProblem.notFound("request-not-found", "No such service request of yours");
        }
        if (!CANCELLABLE.contains(request.status)) {
            throw ApiProblem.conflict("request-not-cancellable", "This request is " + request.status);
        }
        OffsetDateTime now = clock.now();
        if (now.plus(ServiceRequest.CANCEL_BEFORE).isAfter(request.startsAt)) {
            throw ApiProblem.conflict("too-late", "A request is cancelled at least 2 hours before it starts");
        }
        request.status = ServiceRequest.Status.CANCELLED;
        request.cancelledAt = now;
        request.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        em.createNativeQuery("UPDATE service_offer SET status = 'WITHDRAWN' WHERE request_id = ?1 AND status = 'OPEN'")
                .setParameter(1, id).executeUpdate();
        return request;
    }

    NoShow noShow(long id, String reason, String steward) {
        ServiceRequest request = ServiceRequest.lock(id);
        if (request.status != ServiceRequest.Status.ACCEPTED && request.status != ServiceRequest.Status.NO_SHOW) {
            throw ApiProblem.conflict("request-not-accepted", "This request is " + request.status);
        }
        if (request.status == ServiceRequest.Status.ACCEPTED
                && clock.now().isBefore(request.startsAt.plus(NO_SHOW_AFTER))) {
            throw ApiProblem.conflict("service-not-started", "A no-show is recorded " + NO_SHOW_AFTER.toMinutes()
                    + " minutes after the start at the earliest; this service starts at " + request.startsAt);
        }
        String branch = currentBranch.require().value();
        String key = branch + ":" + id;
        PostedTransfer penalty = ledger.post(TransferRequest.penalty(branch, request.volunteerPersonId,
                NO_SHOW_PENALTY, new TransferRequest.Reference("SERVICE_REQUEST", key), "no-show:" + key, steward,
                reason.strip()));
        if (request.status == ServiceRequest.Status.ACCEPTED) {
            request.status = ServiceRequest.Status.NO_SHOW;
            request.noShowRecordedBy = steward;
            request.noShowAt = clock.now();
        }
        return new NoShow(request, penalty, !penalty.replayed());
    }

    Judgement judgeMalicious(long id, String reason, String steward) {
        ServiceRequest request = ServiceRequest.lock(id);
        if (request.status != ServiceRequest.Status.CANCELLED) {
            throw ApiProblem.conflict("request-not-cancelled", "This request is " + request.status);
        }
        LocalDate today = clock.today();
        HomeMembers.HomeMember requester = homeMembers.of(request.requesterPersonId, today)
                .orElseThrow(() -> ApiProblem.notFound("member-not-found", "The requester is no longer a member"));
        if (request.judgedMaliciousAt != null) {
            return new Judgement(request, requester.frozenUntil());
        }
        LocalDate frozenUntil = homeMembers.freeze(requester, today.plusMonths(1),
                "恶意取消服务请求 " + currentBranch.require() + "#" + id + ":" + reason.strip());
        request.judgedMaliciousBy = steward;
        request.judgedMaliciousAt = clock.now();
        return new Judgement(request, frozenUntil);
    }
}
