package cn.tongyi.core.ledger;

import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cross-branch clearing for HQ (R-LEDGER-2): for each pair of branches and a month in Asia/Shanghai, the points that
 * members of one spent in the other (service payments and redemptions, nothing else: penalties, corrections and
 * earnings are no spending), and who owes whom on balance. Members spending in a branch not their home branch receive
 * a service or a discount there against points their home branch answers for, so the home branch owes the net to
 * the other. The home branch is the one recorded on the transfer, so a past month never changes.
 */
@ApplicationScoped
class ClearingReport {

    /** A pair of branches in code order: what members of each spent in the other, and the balance owed. */
    record Pair(String branch, String otherBranch, String spentInOtherByMembersOfBranch,
            String spentInBranchByMembersOfOther, String net, String owedBy, String owedTo) {
    }

    record Report(YearMonth month, String zone, List<Pair> pairs) {
    }

    private record Route(String home, String where) {
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
                SELECT t.debit_home_branch, t.branch_code, sum(t.amount) FROM platform.ledger_transfer t
                WHERE t.kind IN ('SERVICE_PAYMENT', 'REDEMPTION') AND t.created_at >= ?1 AND t.created_at < ?2
                  AND t.debit_home_branch IS NOT NULL AND t.debit_home_branch <> t.branch_code
                GROUP BY t.debit_home_branch, t.branch_code""")
                .setParameter(1, from).setParameter(2, to)
                .getResultList();
        Map<Route, Long> spent = new HashMap<>();
        rows.forEach(r -> spent.put(new Route((String) r[0], (String) r[1]), TransferRows.num(r[2])));
        Map<String, Pair> pairs = new TreeMap<>();
        for (Route route : spent.keySet()) {
            String first = route.home().compareTo(route.where()) < 0 ? route.home() : route.where();
            String second = first.equals(route.home()) ? route.where() : route.home();
            pairs.computeIfAbsent(first + "/" + second, k -> pair(first, second, spent));
        }
        return new Report(month, BusinessClock.ZONE.getId(), new ArrayList<>(pairs.values()));
    }

    private static Pair pair(String branch, String other, Map<Route, Long> spent) {
        long byMembersOfBranch = spent.getOrDefault(new Route(branch, other), 0L);
        long byMembersOfOther = spent.getOrDefault(new Route(other, branch), 0L);
        long net = byMembersOfBranch - byMembersOfOther;
        return new Pair(branch, other, Points.format(byMembersOfBranch), Points.format(byMembersOfOther),
                Points.format(Math.abs(net)), net > 0 ? branch : net < 0 ? other : null,
                net > 0 ? other : net < 0 ? branch : null);
    }
}
