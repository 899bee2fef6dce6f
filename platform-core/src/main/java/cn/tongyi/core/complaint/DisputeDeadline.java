package cn.tongyi.core.complaint;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** R-LEDGER-6: an open dispute past its decision day (3 working days from filing); the stewards'. */
@ApplicationScoped
public class DisputeDeadline implements DeadlineWatch {

    private final PlainSql sql;

    DisputeDeadline(PlainSql sql) {
        this.sql = sql;
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        return sql.query("SELECT id, due_on FROM platform.ledger_dispute WHERE branch_code = ? AND status = 'OPEN' "
                + "AND due_on < ? ORDER BY due_on, id", row -> new Overdue(branch.value(), "DISPUTE_DECISION",
                        row.getString(1), row.getObject(2, LocalDate.class).plusDays(1)
                                .atStartOfDay(BusinessClock.ZONE).toOffsetDateTime(), Role.STEWARD),
                branch.value(), now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate());
    }
}
