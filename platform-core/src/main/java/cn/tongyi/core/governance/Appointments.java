package cn.tongyi.core.governance;

import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.membership.Membership;
import cn.tongyi.core.membership.MembershipType;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The branch head appoints the bodies (in the current branch's transaction): council seats one at a time, at most
 * {@value #COUNCIL_SIZE}; a quarter's supervision group of exactly {@value #SUPERVISION_GROUP_SIZE}, which replaces a
 * group appointed before. Only co-creation members whose membership covers the day sit; the branch's staff never sit on
 * a supervision group, since it checks their own books and approvals.
 */
@ApplicationScoped
public class Appointments {

    public static final int COUNCIL_SIZE = 10;
    public static final int SUPERVISION_GROUP_SIZE = 3;
    private static final Set<Role> STAFF = EnumSet.of(Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE);

    private final EntityManager em;
    private final BusinessClock clock;

    Appointments(EntityManager em, BusinessClock clock) {
        this.em = em;
        this.clock = clock;
    }

    public CouncilSeat seatOnCouncil(UUID memberId, String actor) {
        // appointments of one branch one at a time, so that two cannot both take the tenth seat
        em.createNativeQuery("LOCK TABLE council_seat IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        LocalDate today = clock.today();
        Member member = coCreationMember(memberId, today);
        if (CouncilSeat.count("memberId = ?1 and endedOn is null", memberId) > 0) {
            throw ApiProblem.conflict("already-seated", "Member " + memberId + " already sits on the council");
        }
        if (CouncilSeat.count("seatedOn <= ?1 and (endedOn is null or endedOn > ?1)", today) >= COUNCIL_SIZE) {
            throw ApiProblem.conflict("council-full", "The council has its " + COUNCIL_SIZE + " members; end a seat first");
        }
        CouncilSeat seat = new CouncilSeat();
        seat.id = UUID.randomUUID();
        seat.memberId = member.id;
        seat.personId = member.personId;
        seat.seatedOn = today;
        seat.appointedBy = actor;
        seat.appointedAt = clock.now();
        seat.persist();
        em.flush();
        return seat;
    }

    public CouncilSeat endCouncilSeat(UUID memberId, String actor) {
        CouncilSeat seat = CouncilSeat.<CouncilSeat>find("memberId = ?1 and endedOn is null", memberId)
                .firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("seat-not-found", "Member " + memberId
                        + " has no seat on the council"));
        seat.endedOn = clock.today();
        seat.endedBy = actor;
        seat.endedAt = clock.now();
        return seat;
    }

    public List<SupervisionSeat> appointSupervisionGroup(Quarter quarter, List<UUID> memberIds, BranchCode branch,
            String actor) {
        Set<UUID> distinct = new HashSet<>(memberIds);
        if (memberIds.size() != SUPERVISION_GROUP_SIZE || distinct.size() != SUPERVISION_GROUP_SIZE) {
            throw ApiProblem.invalidField("group-size", "memberIds", "A supervision group is exactly "
                    + SUPERVISION_GROUP_SIZE + " different co-creation members");
        }
        em.createNativeQuery("LOCK TABLE supervision_seat IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        LocalDate today = clock.today();
        OffsetDateTime now = clock.now();
        List<Member> members = memberIds.stream().map(id -> coCreationMember(id, today)).toList();
        for (Member member : members) {
            if (RoleGrant.rolesOf(member.personId, branch.value()).stream().anyMatch(STAFF::contains)) {
                throw ApiProblem.conflict("staff-cannot-supervise", "Member " + member.id
                        + " is on the branch's staff, whose books the group checks");
            }
        }
        SupervisionSeat.<SupervisionSeat>list("quarter = ?1 and removedAt is null", quarter.toString())
                .forEach(seat -> {
                    seat.removedAt = now;
                    seat.removedBy = actor;
                });
        // the replaced seats are written first: the partial unique index admits each member once among current seats
        em.flush();
        List<SupervisionSeat> seats = members.stream().map(member -> {
            SupervisionSeat seat = new SupervisionSeat();
            seat.id = UUID.randomUUID();
            seat.quarter = quarter.toString();
            seat.memberId = member.id;
            seat.personId = member.personId;
            seat.appointedBy = actor;
            seat.appointedAt = now;
            seat.persist();
            return seat;
        }).toList();
        // written now, so that GovernanceBodies (plain SQL, same transaction) sees the new group
        em.flush();
        return seats;
    }

    private static Member coCreationMember(UUID memberId, LocalDate day) {
        Member member = Member.<Member>findByIdOptional(memberId)
                .orElseThrow(() -> ApiProblem.notFound("member-not-found", "No member " + memberId));
        boolean coCreation = Membership.count("memberId = ?1 and type = ?2 and startsOn <= ?3 and endsOn > ?3",
                memberId, MembershipType.CO_CREATION, day) > 0;
        if (member.revoked() || !coCreation) {
            throw ApiProblem.unprocessable("not-co-creation-member", "Member " + memberId
                    + " holds no co-creation membership today");
        }
        return member;
    }
}
