package cn.tongyi.core.service;

import cn.tongyi.core.volunteer.Volunteer;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * R-SERVICE-4: an offered volunteer takes the request. Exactly one wins: the request moves from OFFERED to ACCEPTED
 * by a conditional UPDATE; a concurrent taker waits on the row lock, then finds the status changed and gets 409.
 * R-VOL-3: a volunteer who no longer takes orders (suspended since the offer) cannot accept it.
 */
@ApplicationScoped
class Acceptance {

    private final EntityManager em;
    private final BusinessClock clock;

    Acceptance(EntityManager em, BusinessClock clock) {
        this.em = em;
        this.clock = clock;
    }

    ServiceRequest accept(long requestId, UUID volunteerMemberId) {
        ServiceOffer offer = ServiceOffer.<ServiceOffer>find("requestId = ?1 and volunteerMemberId = ?2", requestId,
                        volunteerMemberId).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("offer-not-found", "No offer of this request to you"));
        Volunteer volunteer = Volunteer.<Volunteer>findByIdOptional(volunteerMemberId).orElseThrow();
        if (!volunteer.takesOrdersOn(clock.today())) {
            throw ApiProblem.conflict("volunteer-suspended",
                    "A volunteer who is suspended or not certified takes no orders (R-VOL-3)");
        }
        OffsetDateTime now = clock.now();
        switch (offer.status) {
            case ACCEPTED -> {
                return ServiceRequests.find(requestId);
            }
            case WITHDRAWN -> throw taken(requestId);
            case LAPSED -> throw lapsed(requestId);
            case OPEN -> {
                if (!now.isBefore(offer.expiresAt)) {
                    throw lapsed(requestId);
                }
            }
        }
        int won = em.createNativeQuery("""
                UPDATE service_request SET status = 'ACCEPTED', volunteer_member_id = ?2, volunteer_person_id = ?3,
                    accepted_at = ?4
                WHERE id = ?1 AND status = 'OFFERED'""")
                .setParameter(1, requestId).setParameter(2, volunteerMemberId)
                .setParameter(3, offer.volunteerPersonId).setParameter(4, now)
                .executeUpdate();
        if (won == 0) {
            ServiceRequest request = ServiceRequests.find(requestId);
            if (volunteerMemberId.equals(request.volunteerMemberId)) {
                return request; // the winner's own retry, racing its first attempt
            }
            throw taken(requestId);
        }
        em.createNativeQuery("""
                UPDATE service_offer SET status = CASE WHEN id = ?2 THEN 'ACCEPTED' ELSE 'WITHDRAWN' END
                WHERE request_id = ?1 AND status = 'OPEN'""")
                .setParameter(1, requestId).setParameter(2, offer.id)
                .executeUpdate();
        return ServiceRequests.find(requestId);
    }

    private static ApiProblem taken(long requestId) {
        return ApiProblem.conflict("request-taken", "This request was taken by another volunteer");
    }

    private static ApiProblem lapsed(long requestId) {
        return ApiProblem.conflict("offer-lapsed", "The offer of this request has lapsed");
    }
}
