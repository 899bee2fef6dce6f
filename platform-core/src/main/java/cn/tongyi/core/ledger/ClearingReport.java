package cn.tongyi.core.ledger;

import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * Cross-branch clearing for HQ (R-LEDGER-2, issue 4 item 5): per pair (the member's home branch when the points
 * moved, the branch where they moved) and month in Asia/Shanghai, the points members earned (credited to them) and
 * spent (debited from them). The home branch is the one recorded on the transfer, so a past month never changes;
 * a person without a home branch (a staff login) counts under "none".
 */
@ApplicationScoped
class ClearingReport {

    static final String NO_HOME = "none";

    record Pair(String homeBranch, String branch, boolean crossBranch, String earned, String spent, String net,
            long entries) {
    }

    record Report(YearMonth month, String zone, List<Pair> pairs) {
    }

    private final EntityManager em;

    ClearingReport(EntityManager em) {
        this.em = em;
    }

    Report of(YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT home, branch_code, sum(earned), sum(spent), count(*) FROM (
                    SELECT coalesce(t.credit_home_branch, ?3) AS home, t.branch_code, t.amount AS earned, 0 AS spent
                    FROM platform.ledger_transfer t
                    JOIN platform.ledger_account a ON a.id = t.credit_account_id AND a.type = 'MEMBER'
                    WHERE t.created_at >= ?1 AND t.created_at < ?2
                    UNION ALL
                    SELECT coalesce(t.debit_home_branch, ?3), t.branch_code, 0, t.amount
                    FROM platform.ledger_transfer t
                    JOIN platform.ledger_account a ON a.id = t.debit_account_id AND a.type = 'MEMBER'
                    WHERE t.created_at >= ?1 AND t.created_at < ?2
                ) moves
                GROUP BY home, branch_code ORDER BY home, branch_code""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, NO_HOME)
                .getResultList();
        List<Pair> pairs = rows.stream().map(r -> {
            long earned = TransferRows.num(r[2]);
            long spent = TransferRows.num(r[3]);
            return new Pair((String) r[0], (String) r[1], !r[0].equals(r[1]), Points.format(earned),
                    Points.format(spent), Points.format(earned - spent), TransferRows.num(r[4]));
        }).toList();
        return new Report(month, BusinessClock.ZONE.getId(), pairs);
    }
}
