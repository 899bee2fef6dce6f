package cn.tongyi.core.service;

import cn.tongyi.core.volunteer.VolunteerSuspended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * R-VOL-3: a suspended volunteer gets no orders, so the offers still open to them are withdrawn in the suspending
 * transaction; a request left without an open offer is then flagged to its stewards by the offer-lapses job.
 */
@ApplicationScoped
class SuspendedVolunteerOffers {

    private final EntityManager em;

    SuspendedVolunteerOffers(EntityManager em) {
        this.em = em;
    }

    void withdraw(@Observes VolunteerSuspended suspended) {
        em.createNativeQuery("""
                UPDATE service_offer SET status = 'WITHDRAWN' WHERE volunteer_member_id = ?1 AND status = 'OPEN'""")
                .setParameter(1, suspended.memberId()).executeUpdate();
    }
}
