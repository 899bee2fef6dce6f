package cn.tongyi.core.compliance;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R-COMPLIANCE-1..5: a branch's self-check of a month that is over. Running it (again) re-checks the automatic items
 * and adds the checklist items still to sign; a finding gets its fix deadline from its item; a finding past it is
 * overdue for its owner, the head and HQ.
 */
@ApplicationScoped
public class Compliance implements DeadlineWatch {

    public record Item(String month, ComplianceItem item, String rule, boolean automatic, Role owner, String status,
            String detail, OffsetDateTime checkedAt, OffsetDateTime fixDueAt, OffsetDateTime fixedAt, String fixedBy,
            String signedBy, OffsetDateTime signedAt, boolean overdue) {
    }

    private final PlainSql sql;
    private final SelfChecks checks;
    private final BusinessClock clock;

    Compliance(PlainSql sql, SelfChecks checks, BusinessClock clock) {
        this.sql = sql;
        this.checks = checks;
        this.clock = clock;
    }

    public List<Item> run(BranchCode branch, YearMonth month) {
        if (!month.isBefore(YearMonth.from(clock.today()))) {
            throw ApiProblem.conflict("month-not-over", "A month is checked once it is over");
        }
        OffsetDateTime now = clock.now();
        for (ComplianceItem item : ComplianceItem.values()) {
            if (item.automatic) {
                Optional<String> finding = checks.check(item, branch, month, now);
                sql.update("INSERT INTO " + branch.schemaName() + ".compliance_item (month, item, source, rule, "
                        + "owner_role, status, detail, checked_at, fix_due_at) VALUES (?, ?, 'AUTO', ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (month, item) DO UPDATE SET status = excluded.status, detail = excluded.detail, "
                        + "checked_at = excluded.checked_at, fix_due_at = coalesce(compliance_item.fix_due_at, "
                        + "excluded.fix_due_at) WHERE compliance_item.fixed_at IS NULL", month.toString(), item.name(),
                        item.rule, item.owner.name(), finding.isPresent() ? "FINDING" : "PASS", finding.orElse(null),
                        now, finding.isPresent() ? now.plus(item.fixWithin) : null);
            } else {
                sql.update("INSERT INTO " + branch.schemaName() + ".compliance_item (month, item, source, rule, "
                        + "owner_role, status, checked_at) VALUES (?, ?, 'CHECKLIST', ?, ?, 'PENDING', ?) "
                        + "ON CONFLICT (month, item) DO NOTHING", month.toString(), item.name(), item.rule,
                        item.owner.name(), now);
            }
        }
        return items(branch, month);
    }

    /** The owner (or the head) signs a checklist item: passed, or a finding to fix by its deadline. */
    public List<Item> sign(BranchCode branch, YearMonth month, ComplianceItem item, boolean passed, String detail,
            Set<Role> roles, String actor) {
        Item current = require(branch, month, item);
        if (current.automatic()) {
            throw ApiProblem.conflict("compliance-item-automatic", "The system checks this item itself");
        }
        requireOwner(item, roles);
        if (!"PENDING".equals(current.status())) {
            throw ApiProblem.conflict("compliance-item-signed", "This item was signed already");
        }
        if (!passed && (detail == null || detail.isBlank())) {
            throw ApiProblem.invalidField("finding-detail-required", "detail", "Say what was found");
        }
        OffsetDateTime now = clock.now();
        sql.update("UPDATE " + branch.schemaName() + ".compliance_item SET status = ?, detail = ?, signed_by = ?, "
                + "signed_at = ?, checked_at = ?, fix_due_at = ? WHERE month = ? AND item = ?",
                passed ? "PASS" : "FINDING", detail, actor, now, now, passed ? null : now.plus(item.fixWithin),
                month.toString(), item.name());
        return items(branch, month);
    }

    public List<Item> fix(BranchCode branch, YearMonth month, ComplianceItem item, Set<Role> roles, String actor) {
        Item current = require(branch, month, item);
        requireOwner(item, roles);
        if (!"FINDING".equals(current.status()) || current.fixedAt() != null) {
            throw ApiProblem.conflict("no-open-finding", "There is no open finding on this item");
        }
        sql.update("UPDATE " + branch.schemaName() + ".compliance_item SET fixed_at = ?, fixed_by = ? "
                + "WHERE month = ? AND item = ?", clock.now(), actor, month.toString(), item.name());
        return items(branch, month);
    }

    public List<Item> items(BranchCode branch, YearMonth month) {
        OffsetDateTime now = clock.now();
        return sql.query(SELECT.formatted(branch.schemaName()) + " WHERE month = ? ORDER BY item",
                row -> toItem(row, now), month.toString()).stream()
                .sorted(Comparator.comparing(Item::item)).toList();
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        return sql.query(SELECT.formatted(branch.schemaName()) + " WHERE status = 'FINDING' AND fixed_at IS NULL "
                + "AND fix_due_at < ? ORDER BY fix_due_at", row -> toItem(row, now), now).stream()
                .map(i -> new Overdue(branch.value(), "COMPLIANCE_FIX", i.month() + "/" + i.item(), i.fixDueAt(),
                        i.owner())).toList();
    }

    private Item require(BranchCode branch, YearMonth month, ComplianceItem item) {
        return items(branch, month).stream().filter(i -> i.item() == item).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("compliance-not-run", "Run the self-check of " + month + " first"));
    }

    private static void requireOwner(ComplianceItem item, Set<Role> roles) {
        if (!roles.contains(item.owner) && !roles.contains(Role.BRANCH_HEAD)) {
            throw ApiProblem.forbidden("not-item-owner", "Only the item's owner (" + item.owner + ") or the head");
        }
    }

    private static final String SELECT = """
            SELECT month, item, rule, source, owner_role, status, detail, checked_at, fix_due_at, fixed_at, fixed_by,
                   signed_by, signed_at
            FROM %s.compliance_item""";

    private static Item toItem(ResultSet row, OffsetDateTime now) throws SQLException {
        String status = row.getString(6);
        OffsetDateTime due = row.getObject(9, OffsetDateTime.class);
        OffsetDateTime fixed = row.getObject(10, OffsetDateTime.class);
        return new Item(row.getString(1), ComplianceItem.valueOf(row.getString(2)), row.getString(3),
                "AUTO".equals(row.getString(4)), Role.valueOf(row.getString(5)), status, row.getString(7),
                row.getObject(8, OffsetDateTime.class), due, fixed, row.getString(11), row.getString(12),
                row.getObject(13, OffsetDateTime.class),
                "FINDING".equals(status) && (fixed == null ? now.isAfter(due) : fixed.isAfter(due)));
    }
}
