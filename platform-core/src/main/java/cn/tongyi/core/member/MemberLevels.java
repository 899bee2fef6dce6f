package cn.tongyi.core.member;

import cn.tongyi.core.membership.Membership;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

/**
 * Computes a member's level from what the records say: memberships whose year is over, service hours credited in
 * the shared ledger (in any branch), and referred members who paid their first fee.
 */
@ApplicationScoped
public class MemberLevels {

    private final EntityManager em;

    MemberLevels(EntityManager em) {
        this.em = em;
    }

    /** The level, given the member's memberships (which the caller has loaded anyway). */
    public MemberLevel of(Member member, List<Membership> memberships, LocalDate today) {
        int fullYears = (int) memberships.stream().filter(m -> !m.endsOn.isAfter(today)).count();
        Number serviceCentiHours = (Number) em.createNativeQuery("""
                SELECT coalesce(sum(t.amount), 0) FROM platform.ledger_transfer t
                JOIN platform.ledger_account a ON a.id = t.credit_account_id
                WHERE a.person_id = ?1 AND t.kind = 'SERVICE'""")
                .setParameter(1, member.personId).getSingleResult();
        Number referrals = (Number) em.createNativeQuery("""
                SELECT count(DISTINCT m.id) FROM member m JOIN fee_payment f ON f.member_id = m.id
                WHERE m.referrer_id = ?1""")
                .setParameter(1, member.id).getSingleResult();
        return new MemberLevel(fullYears, serviceCentiHours.longValue(), referrals.intValue());
    }

    /** The benefits of every level up to this one, lowest first. */
    public List<LevelBenefit> benefitsUpTo(int level) {
        return LevelBenefit.list("level <= ?1", Sort.by("level"), level);
    }
}
