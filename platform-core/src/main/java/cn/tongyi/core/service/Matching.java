package cn.tongyi.core.service;

import cn.tongyi.core.building.Building;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.volunteer.Volunteer;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * R-SERVICE-3, R-VOL-3: offers an approved request to the best-ranked volunteers of the branch who take orders
 * today (certified, not suspended), never to the requester themself, and never twice to the same volunteer.
 */
@ApplicationScoped
class Matching {

    private final EntityManager em;
    private final BusinessClock clock;

    Matching(EntityManager em, BusinessClock clock) {
        this.em = em;
        this.clock = clock;
    }

    List<VolunteerRanking.Ranked> offer(ServiceRequest request, OffsetDateTime now, OffsetDateTime expiresAt) {
        List<VolunteerRanking.Ranked> ranking = VolunteerRanking.rank(request.serviceType, candidates(request));
        for (VolunteerRanking.Ranked ranked : ranking) {
            ServiceOffer offer = new ServiceOffer();
            offer.requestId = request.id;
            offer.volunteerMemberId = ranked.memberId();
            offer.volunteerPersonId = ranked.personId();
            offer.rank = ranked.rank();
            offer.skillMatch = ranked.skillMatch();
            offer.metres = ranked.metres();
            offer.openOrders = ranked.openOrders();
            offer.status = ServiceOffer.Status.OPEN;
            offer.offeredAt = now;
            offer.expiresAt = expiresAt;
            offer.persist();
        }
        return ranking;
    }

    private List<VolunteerRanking.Candidate> candidates(ServiceRequest request) {
        LocalDate today = clock.today();
        Map<Long, Building> buildings = Building.<Building>listAll().stream()
                .collect(Collectors.toMap(b -> b.id, Function.identity()));
        Building place = request.buildingId == null ? null : buildings.get(request.buildingId);
        Map<UUID, Integer> load = openOrders();
        Set<UUID> askedBefore = ServiceOffer.<ServiceOffer>stream("requestId", request.id)
                .map(offer -> offer.volunteerMemberId).collect(Collectors.toSet());
        List<VolunteerRanking.Candidate> candidates = new ArrayList<>();
        for (Volunteer volunteer : Volunteer.<Volunteer>listAll()) {
            Member member = Member.findById(volunteer.memberId);
            if (!volunteer.takesOrdersOn(today) || member.revoked()
                    || member.personId.equals(request.requesterPersonId) || askedBefore.contains(member.id)) {
                continue;
            }
            Long metres = place == null ? null : place.metresTo(buildings.get(member.buildingId));
            candidates.add(new VolunteerRanking.Candidate(member.id, member.personId, member.name, volunteer.skills,
                    metres, load.getOrDefault(member.id, 0)));
        }
        return candidates;
    }

    /** Accepted requests not yet completed, per volunteer. */
    private Map<UUID, Integer> openOrders() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT volunteer_member_id, count(*) FROM service_request
                WHERE status = 'ACCEPTED' GROUP BY volunteer_member_id""").getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).intValue()));
    }
}
