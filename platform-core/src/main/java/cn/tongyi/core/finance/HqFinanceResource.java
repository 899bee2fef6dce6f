package cn.tongyi.core.finance;

import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What HQ sees of the branches' finances: expenses above 500 CNY (reported, R-FIN-2), missing or late monthly
 * disclosures (R-FIN-3, the financial item of R-COMPLIANCE), and which branches' supervision groups filed (R-FIN-4).
 * Figures and ids only: no member's data.
 */
@Path("/api/admin/finance")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: finance", description = "Reported expenses, disclosure flags and supervision filings of every branch")
public class HqFinanceResource {

    public record ReportedExpense(String branch, UUID id, ExpenseItem item, long amountFen, ExpenseTier tier,
            String payee, String description, String requestedBy, OffsetDateTime requestedAt, boolean paid) {
    }

    public enum Flag {
        MISSING,
        LATE
    }

    public record DisclosureFlag(String branch, String month, LocalDate dueBy, Flag flag, OffsetDateTime publishedAt) {
    }

    public record SupervisionFiling(String branch, String quarter, boolean filed, String result,
            OffsetDateTime filedAt, int signatures) {
    }

    private final PlainSql sql;
    private final BusinessClock clock;

    HqFinanceResource(PlainSql sql, BusinessClock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @GET
    @Path("/reported-expenses")
    @Operation(summary = "Every branch's expenses above 500.00 CNY requested in a period (default: the last 90 days)")
    public List<ReportedExpense> reportedExpenses(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate end = to != null ? to : clock.today();
        LocalDate start = from != null ? from : end.minusDays(90);
        if (end.isBefore(start)) {
            throw ApiProblem.badRequest("invalid-period", "to is before from");
        }
        List<ReportedExpense> reported = new ArrayList<>();
        for (Branch branch : activeBranches()) {
            reported.addAll(sql.query("""
                    SELECT e.id, e.item, e.amount_fen, e.tier, e.payee, e.description, e.requested_by, e.requested_at,
                           p.expense_id IS NOT NULL
                    FROM %1$s.expense e LEFT JOIN %1$s.expense_payment p ON p.expense_id = e.id
                    WHERE e.tier <> 'HEAD' AND (e.requested_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ? AND ?
                    ORDER BY e.requested_at""".formatted(branch.branchCode().schemaName()), row -> new ReportedExpense(
                            branch.code, row.getObject(1, UUID.class), ExpenseItem.valueOf(row.getString(2)),
                            row.getLong(3), ExpenseTier.valueOf(row.getString(4)), row.getString(5), row.getString(6),
                            row.getString(7), row.getObject(8, OffsetDateTime.class), row.getBoolean(9)),
                    start, end));
        }
        return reported;
    }

    @GET
    @Path("/disclosure-flags")
    @Operation(summary = "Months (since each branch was created) whose accounts are past due and unpublished, or were "
            + "published after the 10th of the next month")
    public List<DisclosureFlag> disclosureFlags() {
        LocalDate today = clock.today();
        List<DisclosureFlag> flags = new ArrayList<>();
        for (Branch branch : activeBranches()) {
            String schema = branch.branchCode().schemaName();
            YearMonth first = YearMonth.from(branch.createdAt.atZoneSameInstant(BusinessClock.ZONE));
            for (YearMonth month = first; month.isBefore(YearMonth.from(today)); month = month.plusMonths(1)) {
                LocalDate due = Disclosures.dueBy(month);
                List<OffsetDateTime> published = sql.query("SELECT published_at FROM " + schema
                        + ".disclosure WHERE month = ? AND revision = 1", row -> row.getObject(1, OffsetDateTime.class),
                        month.toString());
                if (published.isEmpty() && today.isAfter(due)) {
                    flags.add(new DisclosureFlag(branch.code, month.toString(), due, Flag.MISSING, null));
                } else if (!published.isEmpty()
                        && published.get(0).atZoneSameInstant(BusinessClock.ZONE).toLocalDate().isAfter(due)) {
                    flags.add(new DisclosureFlag(branch.code, month.toString(), due, Flag.LATE, published.get(0)));
                }
            }
        }
        return flags;
    }

    @GET
    @Path("/supervision-filings")
    @Operation(summary = "For a quarter (YYYY-Qn, default the last one), whether each branch's supervision group filed")
    public List<SupervisionFiling> supervisionFilings(@QueryParam("quarter") String quarter) {
        Quarter q = quarter != null ? Quarter.parse(quarter) : Quarter.of(clock.today().minusMonths(3));
        List<SupervisionFiling> filings = new ArrayList<>();
        for (Branch branch : activeBranches()) {
            String schema = branch.branchCode().schemaName();
            filings.add(sql.query("""
                    SELECT r.result, r.filed_at, (SELECT count(*) FROM %1$s.supervision_signature s
                                                  WHERE s.quarter = r.quarter)
                    FROM %1$s.supervision_report r WHERE r.quarter = ?""".formatted(schema),
                    row -> new SupervisionFiling(branch.code, q.toString(), true, row.getString(1),
                            row.getObject(2, OffsetDateTime.class), row.getInt(3)), q.toString())
                    .stream().findFirst()
                    .orElse(new SupervisionFiling(branch.code, q.toString(), false, null, null, 0)));
        }
        return filings;
    }

    private static List<Branch> activeBranches() {
        return Branch.list("status", Sort.by("code"), BranchStatus.ACTIVE);
    }
}
