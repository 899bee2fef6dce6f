package cn.tongyi.core.service;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The time bank's clocks: a request waiting for review past 30 minutes (R-SERVICE-2), and an offered request whose
 * offers all lapsed after 2 hours unaccepted (R-SERVICE-4), both the stewards'.
 */
@ApplicationScoped
public class ServiceDeadlines implements DeadlineWatch {

    private final PlainSql sql;

    ServiceDeadlines(PlainSql sql) {
        this.sql = sql;
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        String schema = branch.schemaName();
        List<Overdue> items = new ArrayList<>(sql.query("SELECT id, created_at FROM " + schema + ".service_request "
                + "WHERE status = 'PENDING_REVIEW' AND created_at < ? ORDER BY created_at",
                row -> new Overdue(branch.value(), "SERVICE_REVIEW", row.getString(1),
                        row.getObject(2, OffsetDateTime.class).plus(ServiceRequest.REVIEW_WITHIN), Role.STEWARD),
                now.minus(ServiceRequest.REVIEW_WITHIN)));
        items.addAll(sql.query("""
                SELECT r.id, max(o.expires_at) FROM %1$s.service_request r JOIN %1$s.service_offer o ON o.request_id = r.id
                WHERE r.status = 'OFFERED'
                GROUP BY r.id HAVING bool_and(o.status <> 'OPEN' OR o.expires_at <= ?) ORDER BY 2""".formatted(schema),
                row -> new Overdue(branch.value(), "SERVICE_ACCEPTANCE", row.getString(1),
                        row.getObject(2, OffsetDateTime.class), Role.STEWARD), now));
        return items;
    }
}
