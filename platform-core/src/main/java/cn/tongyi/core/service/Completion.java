package cn.tongyi.core.service;

import cn.tongyi.core.event.DomainEvents;
import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * R-SERVICE-5, 6, 10: the confirmed service moves its points exactly once. The volunteer receives 1 point per hour
 * served: from the requester's balance when the request is paid with points, else issued by the branch; never both
 * (a payment never creates points). The request row is locked, so concurrent confirmations run one after the other
 * and the later finds it COMPLETED; the ledger keys derive from the branch and request id, so even a posting repeated
 * outside this path is applied once. A payment the requester's balance no longer covers is refused, and the
 * transaction then posts nothing. A service is confirmed once it has started, give or take {@link #CLOCK_TOLERANCE}
 * between the phone's clock and ours.
 */
@ApplicationScoped
class Completion {

    /** How much earlier than the start a confirmation is still taken: clocks of phones and servers differ. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    record Confirmation(int actualMinutes, int rating, String paperFormNo) {
    }

    /** The request after confirmation, and whether this call completed it (false: it was completed before). */
    record Outcome(ServiceRequest request, boolean completedNow) {
    }

    private final LedgerService ledger;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;
    private final DomainEvents events;
    private final PersonIds personIds;

    Completion(LedgerService ledger, CurrentBranch currentBranch, BusinessClock clock, DomainEvents events,
            PersonIds personIds) {
        this.ledger = ledger;
        this.currentBranch = currentBranch;
        this.clock = clock;
        this.events = events;
        this.personIds = personIds;
    }

    /** Confirms a locked request; a request already completed is returned as it is. */
    Outcome confirm(ServiceRequest request, Confirmation confirmation, String by) {
        if (request.status == ServiceRequest.Status.COMPLETED) {
            return new Outcome(request, false);
        }
        if (request.status != ServiceRequest.Status.ACCEPTED) {
            throw ApiProblem.conflict("request-not-accepted",
                    "Only a request a volunteer accepted can be confirmed; this one is " + request.status);
        }
        OffsetDateTime now = clock.now();
        if (now.isBefore(request.startsAt.minus(CLOCK_TOLERANCE))) {
            throw ApiProblem.conflict("service-not-started",
                    "A service is confirmed once it has started; this one starts at " + request.startsAt);
        }
        if (confirmation.actualMinutes() % 15 != 0) {
            throw ApiProblem.invalidField("invalid-duration", "actualMinutes",
                    "Service time counts in quarter hours: 15, 30, 45, … minutes");
        }
        String branch = currentBranch.require().value();
        String key = branch + ":" + request.id;
        TransferRequest.Reference reference = new TransferRequest.Reference("SERVICE_REQUEST", key);
        long credit = Points.ofMinutes(confirmation.actualMinutes());
        long paid = 0;
        if (request.payWithPoints) {
            ledger.post(TransferRequest.payment(branch, request.requesterPersonId, request.volunteerPersonId, credit,
                    reference, "service-payment:" + key, by, "服务:" + request.serviceType));
            paid = credit;
        } else {
            ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch, request.volunteerPersonId, credit,
                    reference, "service:" + key, by));
        }
        long bonus = 0;
        PromotionDay promotion = PromotionDay.findById(
                request.startsAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate());
        if (promotion != null) {
            bonus = credit * (promotion.multiplier - 1);
            ledger.post(TransferRequest.issue(TransferKind.PROMOTION_BONUS, branch, request.volunteerPersonId, bonus,
                    reference, "promotion:" + key, by));
        }
        request.status = ServiceRequest.Status.COMPLETED;
        request.actualMinutes = confirmation.actualMinutes();
        request.rating = confirmation.rating();
        request.paperFormNo = confirmation.paperFormNo();
        request.confirmedAt = now;
        request.confirmedBy = by;
        request.credited = credit;
        request.paid = paid;
        request.promotionBonus = bonus;
        events.raise(currentBranch.require(), DomainEvent.SERVICE_COMPLETED, Map.of(
                "serviceRequestId", request.id.toString(),
                "minutes", Integer.toString(confirmation.actualMinutes()),
                "requesterId", personIds.publicId(request.requesterPersonId).toString(),
                "volunteerId", personIds.publicId(request.volunteerPersonId).toString(),
                "paidWithPoints", Boolean.toString(request.payWithPoints)));
        return new Outcome(request, true);
    }
}
