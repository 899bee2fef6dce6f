package cn.tongyi.core.finance;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** R-FIN-3: last month's accounts not published by the 10th (for a branch that existed that month); finance's. */
@ApplicationScoped
public class DisclosureDeadline implements DeadlineWatch {

    private final PlainSql sql;

    DisclosureDeadline(PlainSql sql) {
        this.sql = sql;
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        YearMonth month = YearMonth.from(now.atZoneSameInstant(BusinessClock.ZONE)).minusMonths(1);
        OffsetDateTime due = Disclosures.dueBy(month).plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        if (!now.isAfter(due)) {
            return List.of();
        }
        return sql.query("SELECT 1 FROM platform.branch b WHERE b.code = ? AND b.created_at < ? AND NOT EXISTS "
                + "(SELECT 1 FROM " + branch.schemaName() + ".disclosure d WHERE d.month = ?)",
                row -> new Overdue(branch.value(), "DISCLOSURE", month.toString(), due, Role.FINANCE),
                branch.value(), monthEnd, month.toString());
    }
}
