package cn.tongyi.core.compliance;

import cn.tongyi.core.finance.Disclosures;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The checks the system runs itself for a month (R-COMPLIANCE-5). Each answers empty when the branch passes, else what
 * it found (ids and counts only).
 */
@ApplicationScoped
class SelfChecks {

    private final PlainSql sql;

    SelfChecks(PlainSql sql) {
        this.sql = sql;
    }

    Optional<String> check(ComplianceItem item, BranchCode branch, YearMonth month, OffsetDateTime now) {
        String schema = branch.schemaName();
        OffsetDateTime from = month.atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        return switch (item) {
            case DISCLOSURE_ON_TIME -> disclosure(schema, month, now);
            case VOLUNTEERS_CERTIFIED -> found("orders served by a volunteer not certified or suspended that day", sql.query(
                    "SELECT r.id::text FROM " + schema + ".service_request r JOIN " + schema + ".volunteer v "
                    + "ON v.member_id = r.volunteer_member_id WHERE r.starts_at >= ? AND r.starts_at < ? "
                    + "AND (v.certificate_no IS NULL OR v.certified_at > r.starts_at OR (v.suspended_until IS NOT NULL "
                    + "AND (r.starts_at AT TIME ZONE 'Asia/Shanghai')::date <= v.suspended_until "
                    + "AND r.status IN ('ACCEPTED', 'COMPLETED'))) ORDER BY r.id", row -> row.getString(1), from, to));
            case PRIVATE_DATA_ENCRYPTED -> found("columns that look like private data stored in clear", sql.query("""
                    SELECT table_name || '.' || column_name FROM information_schema.columns
                    WHERE table_schema = ? AND table_name <> 'branch_profile' -- the branch's own public contact
                      AND column_name ~ '(phone|id_number|address|bank_card|emergency)'
                      AND column_name !~ '_(enc|hash|masked)$' AND data_type <> 'bytea' ORDER BY 1""",
                    row -> row.getString(1), schema));
            case MERCHANTS_WITHOUT_COMPLAINTS -> found("merchants complained about", sql.query(
                    "SELECT DISTINCT subject_ref FROM " + schema + ".complaint WHERE subject_type = 'MERCHANT' "
                    + "AND received_at >= ? AND received_at < ? ORDER BY 1", row -> row.getString(1), from, to));
            case INCIDENT_REPORTS_ON_TIME -> found("incident reports late or missing", sql.query(
                    "SELECT id::text FROM " + schema + ".incident WHERE reported_at >= ? AND reported_at < ? "
                    + "AND coalesce(report_filed_at, ?) > report_due_at ORDER BY reported_at",
                    row -> row.getString(1), from, to, now));
            case COMPLAINT_DEADLINES_MET -> found("complaints contacted or resolved late", sql.query(
                    "SELECT id::text FROM " + schema + ".complaint WHERE received_at >= ? AND received_at < ? "
                    + "AND (coalesce(contacted_at, ?) > contact_due_at OR coalesce(resolved_at, ?) > resolve_due_at) "
                    + "ORDER BY received_at", row -> row.getString(1), from, to, now, now));
            case SERVICES_MET_STANDARD, NO_LEAK_RISK, NO_FALSE_DISCOUNTS ->
                    throw new IllegalArgumentException(item + " is signed, not checked");
        };
    }

    private Optional<String> disclosure(String schema, YearMonth month, OffsetDateTime now) {
        OffsetDateTime due = Disclosures.dueBy(month).plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        List<OffsetDateTime> published = sql.query("SELECT published_at FROM " + schema + ".disclosure "
                + "WHERE month = ? AND revision = 1", row -> row.getObject(1, OffsetDateTime.class), month.toString());
        if (published.isEmpty()) {
            return now.isBefore(due) ? Optional.empty() : Optional.of("the accounts of " + month + " are not published");
        }
        return published.get(0).isBefore(due) ? Optional.empty()
                : Optional.of("the accounts of " + month + " were published after the 10th");
    }

    private static Optional<String> found(String what, List<String> ids) {
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.size() + " " + what + ": " + String.join(", ",
                ids.subList(0, Math.min(ids.size(), 20))));
    }
}
