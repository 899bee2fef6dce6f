package cn.tongyi.core.member;

import cn.tongyi.core.jdbc.PlainSql;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final PlainSql sql;
    private final Cache<Long, BranchCode> homeBranches = Caffeine.newBuilder().maximumSize(100_000).build();

    HomeMembers(EntityManager em, PlainSql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** The member row as of a day: whether they are frozen or revoked, and whether a paid year covers the day. */
    public record HomeMember(UUID memberId, BranchCode homeBranch, String name, boolean revoked,
            LocalDate frozenUntil, boolean activeMembership) {

        public boolean frozenOn(LocalDate day) {
            return frozenUntil != null && !day.isAfter(frozenUntil);
        }
    }

    /**
     * Plain SQL, one statement, and no Hibernate session (whose first use in a branch's request costs a schema switch
     * and its reset): it sees committed rows and this transaction's plain-SQL writes, so callers read before they
     * change the member.
     */
    public Optional<HomeMember> of(long personId, LocalDate day) {
        Optional<BranchCode> homeBranch = homeBranch(personId);
        if (homeBranch.isEmpty()) {
            return Optional.empty();
        }
        BranchCode home = homeBranch.get();
        return sql.query("""
                SELECT m.id, m.name, m.revoked_at IS NOT NULL, m.frozen_until,
                       EXISTS (SELECT 1 FROM %1$s.membership s
                               WHERE s.member_id = m.id AND s.starts_on <= ? AND s.ends_on > ?)
                FROM %1$s.member m WHERE m.person_id = ?""".formatted(home.schemaName()),
                row -> new HomeMember(row.getObject(1, UUID.class), home, row.getString(2), row.getBoolean(3),
                        row.getObject(4, LocalDate.class), row.getBoolean(5)), day, day, personId)
                .stream().findFirst();
    }

    /** A person's home branch is set when the member registers and never changes: it is remembered once read. */
    private Optional<BranchCode> homeBranch(long personId) {
        BranchCode known = homeBranches.getIfPresent(personId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<BranchCode> found = sql.query("SELECT home_branch FROM platform.person WHERE id = ?",
                row -> row.getString(1), personId).stream().filter(BranchCode::isValid).map(BranchCode::new)
                .findFirst();
        found.ifPresent(home -> homeBranches.put(personId, home));
        return found;
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
