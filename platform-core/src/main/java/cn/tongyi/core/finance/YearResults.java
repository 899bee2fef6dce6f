package cn.tongyi.core.finance;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * R-FIN-5: a calendar year's result, net profit = income − costs (staff, site, technology, operations) − taxes, from the
 * entries booked in the year (corrections of earlier years included, and listed). After the third-party audit report
 * is attached the year is locked: its months are all closed and its result is frozen, so no entry is added to or
 * changed in it; a correction goes into the current year, visibly.
 */
@ApplicationScoped
public class YearResults {

    static final int MAX_AUDIT_REPORT_BYTES = 10 * 1024 * 1024;

    public record AuditReport(String auditor, String sha256, int sizeBytes, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    public record Result(int year, CashBook.Totals totals, long incomeFen, long costsFen, long taxesFen,
            long netProfitFen, List<CashBook.Entry> correctionsOfEarlierYears) {
    }

    public record YearView(Result result, boolean locked, String lockedBy, OffsetDateTime lockedAt,
            AuditReport auditReport) {
    }

    private final PlainSql sql;
    private final CashBook book;
    private final FinancePeriods periods;
    private final BusinessClock clock;
    private final ObjectMapper json;

    YearResults(PlainSql sql, CashBook book, FinancePeriods periods, BusinessClock clock, ObjectMapper json) {
        this.sql = sql;
        this.book = book;
        this.periods = periods;
        this.clock = clock;
        this.json = json;
    }

    /** The year's result: frozen once locked, else as the books stand. */
    public YearView year(BranchCode branch, int year) {
        Optional<YearView> locked = sql.query("SELECT result::text, locked_by, locked_at FROM " + branch.schemaName()
                + ".finance_year WHERE year = ?", row -> new YearView(StoredJson.read(json, row.getString(1),
                        Result.class), true, row.getString(2), row.getObject(3, OffsetDateTime.class), null), year)
                .stream().findFirst();
        AuditReport report = auditReport(branch, year).orElse(null);
        return locked.map(v -> new YearView(v.result(), true, v.lockedBy(), v.lockedAt(), report))
                .orElseGet(() -> new YearView(compute(branch, year), false, null, null, report));
    }

    /** The net profit of a locked year, the base of its dividends (R-DIV-1). */
    public Optional<Long> lockedNetProfit(BranchCode branch, int year) {
        return sql.query("SELECT net_profit_fen FROM " + branch.schemaName() + ".finance_year WHERE year = ?",
                row -> row.getLong(1), year).stream().findFirst();
    }

    public AuditReport attachAuditReport(BranchCode branch, int year, String auditor, UploadedFile file,
            String actor) {
        requireOver(year);
        if (auditReport(branch, year).isPresent()) {
            throw ApiProblem.conflict("audit-report-attached", "The audit report of " + year + " is attached already");
        }
        sql.update("INSERT INTO " + branch.schemaName() + """
                .finance_audit_report (year, auditor, media_type, size_bytes, sha256, content, uploaded_by,
                    uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", year, auditor, file.mediaType(), file.content().length,
                file.sha256(), file.content(), actor, clock.now());
        return auditReport(branch, year).orElseThrow();
    }

    public byte[] auditReportContent(BranchCode branch, int year) {
        return sql.query("SELECT content FROM " + branch.schemaName() + ".finance_audit_report WHERE year = ?",
                row -> row.getBytes(1), year).stream().findFirst().orElseThrow(() -> ApiProblem.notFound(
                        "audit-report-not-found", "No audit report of " + year));
    }

    /** Locks a year that is over and audited: closes its open months (each raising MonthClosed), freezes its result. */
    public YearView lock(BranchCode branch, int year, String actor) {
        requireOver(year);
        if (periods.locked(branch, year)) {
            throw ApiProblem.conflict("year-locked", "The year " + year + " is locked already");
        }
        if (auditReport(branch, year).isEmpty()) {
            throw ApiProblem.conflict("audit-report-missing", "Attach the third-party audit report before locking");
        }
        for (int month = 1; month <= 12; month++) {
            periods.closeIfOpen(branch, YearMonth.of(year, month), actor);
        }
        Result result = compute(branch, year);
        sql.update("INSERT INTO " + branch.schemaName() + """
                .finance_year (year, net_profit_fen, result, locked_by, locked_at) VALUES (?, ?, ?::jsonb, ?, ?)""",
                year, result.netProfitFen(), StoredJson.write(json, result), actor, clock.now());
        return year(branch, year);
    }

    private Result compute(BranchCode branch, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        CashBook.Totals totals = book.totals(branch, first, last);
        long taxes = totals.expense(ExpenseItem.TAX);
        long costs = totals.expensesFen() - taxes;
        List<CashBook.Entry> earlier = book.entries(branch, first, last).stream()
                .filter(e -> e.correctsBookedOn() != null && e.correctsBookedOn().getYear() < year).toList();
        return new Result(year, totals, totals.incomeFen(), costs, taxes, totals.incomeFen() - costs - taxes, earlier);
    }

    private Optional<AuditReport> auditReport(BranchCode branch, int year) {
        return sql.query("SELECT auditor, sha256, size_bytes, uploaded_by, uploaded_at FROM " + branch.schemaName()
                + ".finance_audit_report WHERE year = ?", row -> new AuditReport(row.getString(1), row.getString(2),
                        row.getInt(3), row.getString(4), row.getObject(5, OffsetDateTime.class)), year)
                .stream().findFirst();
    }

    private void requireOver(int year) {
        if (clock.today().getYear() <= year) {
            throw ApiProblem.conflict("year-not-over", "The year " + year + " is not over yet");
        }
    }
}
