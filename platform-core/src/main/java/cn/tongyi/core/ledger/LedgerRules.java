package cn.tongyi.core.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A branch's ledger rules, in {@code platform.ledger_branch_rule} (see ADR 0005): whether a penalty may take a member
 * below zero there (R-LEDGER-5). Default, and without a row: no.
 */
@ApplicationScoped
public class LedgerRules {

    public record Rules(boolean penaltyMayGoNegative) {
    }

    private final EntityManager em;

    LedgerRules(EntityManager em) {
        this.em = em;
    }

    public Rules of(String branch) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT penalty_may_go_negative FROM platform.ledger_branch_rule WHERE branch_code = ?1""")
                .setParameter(1, branch).getResultList();
        return new Rules(!rows.isEmpty() && (Boolean) rows.get(0));
    }

    public Rules set(String branch, Rules rules, String actor) {
        em.createNativeQuery("""
                INSERT INTO platform.ledger_branch_rule (branch_code, penalty_may_go_negative, updated_by, updated_at)
                VALUES (?1, ?2, ?3, now())
                ON CONFLICT (branch_code) DO UPDATE SET penalty_may_go_negative = excluded.penalty_may_go_negative,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, branch).setParameter(2, rules.penaltyMayGoNegative()).setParameter(3, actor)
                .executeUpdate();
        return rules;
    }
}
