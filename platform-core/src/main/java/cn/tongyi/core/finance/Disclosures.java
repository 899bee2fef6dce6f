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

/**
 * R-FIN-3: a month's accounts published to the branch's members by the 10th of the next month: income by source and
 * expenses by item (every one listed, zeros included), from the month's closed books. Publishing closes the month if it
 * is still open. A published revision never changes; a correction is a further revision with its reason, which also
 * shows the corrections booked since into later months against this month's entries.
 */
@ApplicationScoped
public class Disclosures {

    static final int DUE_DAY = 10;

    /** What a revision publishes. {@code corrected*}: the month's figures with its later corrections applied. */
    public record Figures(String month, CashBook.Totals totals, List<CashBook.Entry> laterCorrections,
            long correctedIncomeFen, long correctedExpensesFen, long correctedNetFen) {
    }

    public record Revision(int revision, String reason, String publishedBy, OffsetDateTime publishedAt, boolean late) {
    }

    public record Published(String month, int revision, Figures figures, String reason, String publishedBy,
            OffsetDateTime publishedAt, LocalDate dueBy, boolean late, List<Revision> revisions) {
    }

    private final PlainSql sql;
    private final CashBook book;
    private final FinancePeriods periods;
    private final BusinessClock clock;
    private final ObjectMapper json;

    Disclosures(PlainSql sql, CashBook book, FinancePeriods periods, BusinessClock clock, ObjectMapper json) {
        this.sql = sql;
        this.book = book;
        this.periods = periods;
        this.clock = clock;
        this.json = json;
    }

    public static LocalDate dueBy(YearMonth month) {
        return month.plusMonths(1).atDay(DUE_DAY);
    }

    public Published publish(BranchCode branch, YearMonth month, String reason, String actor) {
        periods.requireOver(month);
        int revision = revisions(branch, month).size() + 1;
        if (revision > 1 && (reason == null || reason.isBlank())) {
            throw ApiProblem.invalidField("revision-reason-required", "reason", "A revision says what it corrects");
        }
        periods.closeIfOpen(branch, month, actor);
        CashBook.Totals totals = book.totals(branch, month.atDay(1), month.atEndOfMonth());
        List<CashBook.Entry> later = book.correctionsOf(branch, month.atDay(1), month.atEndOfMonth(),
                month.atEndOfMonth());
        long incomeDelta = later.stream().filter(e -> e.kind().income()).mapToLong(CashBook.Entry::amountFen).sum();
        long expensesDelta = later.stream().filter(e -> !e.kind().income()).mapToLong(CashBook.Entry::amountFen).sum();
        Figures figures = new Figures(month.toString(), totals, later, totals.incomeFen() + incomeDelta,
                totals.expensesFen() + expensesDelta, totals.netFen() + incomeDelta - expensesDelta);
        sql.update("INSERT INTO " + branch.schemaName() + """
                .disclosure (month, revision, figures, reason, published_by, published_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?)""", month.toString(), revision, StoredJson.write(json, figures),
                revision == 1 ? null : reason.strip(), actor, clock.now());
        return published(branch, month, revision);
    }

    /** A published revision of the month (the latest when {@code revision} is null). */
    public Published published(BranchCode branch, YearMonth month, Integer revision) {
        List<Revision> revisions = revisions(branch, month);
        if (revisions.isEmpty()) {
            throw ApiProblem.notFound("disclosure-not-found", "The accounts of " + month + " are not published yet");
        }
        int wanted = revision != null ? revision : revisions.size();
        if (wanted < 1 || wanted > revisions.size()) {
            throw ApiProblem.notFound("disclosure-not-found", "No revision " + wanted + " of " + month);
        }
        Revision shown = revisions.get(wanted - 1);
        Figures figures = sql.query("SELECT figures::text FROM " + branch.schemaName()
                + ".disclosure WHERE month = ? AND revision = ?",
                row -> StoredJson.read(json, row.getString(1), Figures.class), month.toString(), wanted).get(0);
        return new Published(month.toString(), wanted, figures, shown.reason(), shown.publishedBy(),
                shown.publishedAt(), dueBy(month), revisions.get(0).late(), revisions);
    }

    /** The published months, newest first, each with its revisions. */
    public List<String> months(BranchCode branch) {
        return sql.query("SELECT DISTINCT month FROM " + branch.schemaName() + ".disclosure ORDER BY month DESC",
                row -> row.getString(1));
    }

    public List<Revision> revisions(BranchCode branch, YearMonth month) {
        return sql.query("SELECT revision, reason, published_by, published_at FROM " + branch.schemaName()
                + ".disclosure WHERE month = ? ORDER BY revision", row -> {
                    OffsetDateTime at = row.getObject(4, OffsetDateTime.class);
                    return new Revision(row.getInt(1), row.getString(2), row.getString(3), at,
                            at.atZoneSameInstant(BusinessClock.ZONE).toLocalDate().isAfter(dueBy(month)));
                }, month.toString());
    }
}
