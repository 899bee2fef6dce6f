package cn.tongyi.core.member;

import cn.tongyi.core.identity.Person;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's member row in their home branch, read from any branch (R-LEDGER-2: a member of branch A acts in branch
 * B, while their record stays in A). The query names the home schema, which only ever comes from a validated
 * {@link BranchCode}.
 */
@ApplicationScoped
public class HomeMembers {

    private final EntityManager em;

    HomeMembers(EntityManager em) {
        this.em = em;
    }

    /** The member row as of a day: whether they are frozen or revoked, and whether a paid year covers the day. */
    public record HomeMember(UUID memberId, BranchCode homeBranch, String name, boolean revoked,
            LocalDate frozenUntil, boolean activeMembership) {

        public boolean frozenOn(LocalDate day) {
            return frozenUntil != null && !day.isAfter(frozenUntil);
        }
    }

    public Optional<HomeMember> of(long personId, LocalDate day) {
        Optional<BranchCode> home = Person.<Person>findByIdOptional(personId)
                .map(p -> p.homeBranch)
                .filter(BranchCode::isValid)
                .map(BranchCode::new);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        String schema = home.get().schemaName();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.id, m.name, m.revoked_at IS NOT NULL, m.frozen_until,
                       EXISTS (SELECT 1 FROM %1$s.membership s
                               WHERE s.member_id = m.id AND s.starts_on <= ?2 AND s.ends_on > ?2)
                FROM %1$s.member m WHERE m.person_id = ?1""".formatted(schema))
                .setParameter(1, personId).setParameter(2, day)
                .getResultList();
        return rows.stream().findFirst().map(r -> new HomeMember((UUID) r[0], home.get(), (String) r[1],
                (Boolean) r[2], day(r[3]), (Boolean) r[4]));
    }

    /**
     * R-SERVICE-9, R-COMPLAINT-3: freezes the member's right to post requests until the day, in their home branch;
     * an existing longer freeze stays. Returns the day the member is now frozen until.
     */
    public LocalDate freeze(HomeMember member, LocalDate until, String reason) {
        Object frozenUntil = em.createNativeQuery("""
                UPDATE %s.member SET frozen_until = GREATEST(coalesce(frozen_until, ?2), ?2),
                    freeze_reason = CASE WHEN frozen_until >= ?2 THEN freeze_reason ELSE ?3 END
                WHERE id = ?1 RETURNING frozen_until""".formatted(member.homeBranch().schemaName()))
                .setParameter(1, member.memberId()).setParameter(2, until).setParameter(3, reason)
                .getSingleResult();
        return day(frozenUntil);
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
