package cn.tongyi.core.finance;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R-FIN-1: the branch's cash book, in integer fen. Income lines (branch_income: membership fees, merchant fees, and
 * what the finance officer enters), paid expenses and corrections, each with its source or item, reference and who
 * recorded it. Entries are never changed: a correction is a line of its own, booked when it is made, naming the line
 * it corrects.
 */
@ApplicationScoped
public class CashBook {

    /** A line of the book. Income and expenses are positive; a correction is the signed amount it adds to its line. */
    public record Entry(Kind kind, UUID id, LocalDate bookedOn, String category, long amountFen, String channel,
            String reference, String description, String receivedBy, String recordedBy, OffsetDateTime recordedAt,
            UUID corrects, LocalDate correctsBookedOn) {
    }

    public enum Kind {
        INCOME,
        EXPENSE,
        INCOME_CORRECTION,
        EXPENSE_CORRECTION;

        public boolean income() {
            return this == INCOME || this == INCOME_CORRECTION;
        }
    }

    /** A source's or an item's total. */
    public record Line(String category, long amountFen) {
    }

    /** Income by source and expenses by item over a period, every source and item listed, zeros included. */
    public record Totals(LocalDate from, LocalDate to, List<Line> income, List<Line> expenses, long incomeFen,
            long expensesFen, long netFen) {

        public long expense(ExpenseItem item) {
            return expenses.stream().filter(l -> l.category().equals(item.name())).mapToLong(Line::amountFen).sum();
        }
    }

    public record NewIncome(IncomeSource source, long amountFen, String channel, LocalDate receivedOn,
            String reference, String description) {
    }

    private final PlainSql sql;
    private final FinancePeriods periods;
    private final BusinessClock clock;

    CashBook(PlainSql sql, FinancePeriods periods, BusinessClock clock) {
        this.sql = sql;
        this.periods = periods;
        this.clock = clock;
    }

    /** Records income received by the actor (who then holds it, if cash); the reference is unique in the branch. */
    public Entry recordIncome(BranchCode branch, NewIncome income, String actor) {
        if (!income.source().enteredByHand()) {
            throw ApiProblem.invalidField("source-not-manual", "source", income.source()
                    + " is recorded by its own flow (membership fees, merchant settlements)");
        }
        LocalDate day = income.receivedOn() != null ? income.receivedOn() : clock.today();
        if (day.isAfter(clock.today())) {
            throw ApiProblem.invalidField("future-date", "receivedOn", "Income is booked when it was received");
        }
        periods.requireOpen(branch, day);
        String schema = branch.schemaName();
        if (!sql.query("SELECT 1 FROM " + schema + ".branch_income WHERE reference = ?", row -> 1,
                income.reference()).isEmpty()) {
            throw ApiProblem.conflict("reference-used", "Reference " + income.reference() + " is already in the book");
        }
        try {
            sql.update("INSERT INTO " + schema + """
                    .branch_income (source, amount_fen, reference, description, recorded_by, recorded_at, booked_on,
                        channel, received_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", income.source().name(), income.amountFen(),
                    income.reference(), income.description(), actor, clock.now(), day, income.channel(),
                    "CASH".equals(income.channel()) ? actor : null);
        } catch (RuntimeException e) {
            throw FinancePeriods.refusal(e);
        }
        return entries(branch, "kind = 'INCOME' AND reference = ?", income.reference()).get(0);
    }

    /** The entries booked in a period, in booking order. */
    public List<Entry> entries(BranchCode branch, LocalDate from, LocalDate to) {
        return entries(branch, "booked_on BETWEEN ? AND ?", from, to);
    }

    /** The entry with this public id (an income line, a paid expense, or a correction). */
    public Entry entry(BranchCode branch, UUID id) {
        List<Entry> found = entries(branch, "id = ?", id);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("entry-not-found", "No entry " + id + " in the cash book");
        }
        return found.get(0);
    }

    /** The corrections booked up to a day of entries booked in a period: a disclosure's and a year's later changes. */
    public List<Entry> correctionsOf(BranchCode branch, LocalDate from, LocalDate to, LocalDate bookedAfter) {
        return entries(branch, "corrects IS NOT NULL AND corrects_booked_on BETWEEN ? AND ? AND booked_on > ?",
                from, to, bookedAfter);
    }

    public Totals totals(BranchCode branch, LocalDate from, LocalDate to) {
        Map<String, Long> income = zeros(IncomeSource.values());
        Map<String, Long> expenses = zeros(ExpenseItem.values());
        sql.query("SELECT income, category, sum(amount_fen) FROM (" + entriesSql(branch.schemaName())
                + ") e WHERE booked_on BETWEEN ? AND ? GROUP BY income, category", row -> {
                    (row.getBoolean(1) ? income : expenses).merge(row.getString(2), row.getLong(3), Long::sum);
                    return null;
                }, from, to);
        long incomeFen = income.values().stream().mapToLong(Long::longValue).sum();
        long expensesFen = expenses.values().stream().mapToLong(Long::longValue).sum();
        return new Totals(from, to, lines(income), lines(expenses), incomeFen, expensesFen, incomeFen - expensesFen);
    }

    /**
     * Books a correction today: the signed amount it adds to an income line or a paid expense, which never goes below
     * zero. 404 for an unknown line; 422 {@code correction-too-large} past zero.
     */
    public Entry correct(BranchCode branch, UUID corrected, long amountFen, String reason, String actor) {
        if (amountFen == 0) {
            throw ApiProblem.invalidField("invalid-amount", "amountFen", "A correction changes the amount");
        }
        Entry entry = entry(branch, corrected);
        if (entry.corrects() != null) {
            throw ApiProblem.unprocessable("correct-the-entry", "Correct the original entry, not a correction of it");
        }
        String schema = branch.schemaName();
        long correctedSoFar = sql.query("SELECT coalesce(sum(amount_fen), 0) FROM (" + entriesSql(schema)
                + ") e WHERE corrects = ?", row -> row.getLong(1), corrected).get(0);
        if (entry.amountFen() + correctedSoFar + amountFen < 0) {
            throw ApiProblem.unprocessable("correction-too-large", "The entry would fall below zero: it stands at "
                    + (entry.amountFen() + correctedSoFar) + " fen");
        }
        LocalDate today = clock.today();
        periods.requireOpen(branch, today);
        UUID id = UUID.randomUUID();
        boolean income = entry.kind() == Kind.INCOME;
        try {
            sql.update("INSERT INTO " + schema + """
                    .cash_correction (id, corrects_income, corrects_expense, amount_fen, booked_on, reason, recorded_by,
                        recorded_at)
                    VALUES (?, (SELECT id FROM %s.branch_income WHERE public_id = ?), ?, ?, ?, ?, ?, ?)"""
                    .formatted(schema), id, income ? corrected : null, income ? null : corrected, amountFen, today,
                    reason, actor, clock.now());
        } catch (RuntimeException e) {
            throw FinancePeriods.refusal(e);
        }
        return entry(branch, id);
    }

    private List<Entry> entries(BranchCode branch, String condition, Object... parameters) {
        return sql.query("SELECT * FROM (" + entriesSql(branch.schemaName()) + ") e WHERE " + condition
                + " ORDER BY booked_on, recorded_at, id", CashBook::entry, parameters);
    }

    /** Every entry of the book as one relation: income lines, paid expenses, corrections. */
    static String entriesSql(String schema) {
        return """
                SELECT 'INCOME' AS kind, true AS income, i.public_id AS id, i.booked_on, i.source AS category,
                    i.amount_fen, i.channel, i.reference, i.description, i.received_by, i.recorded_by, i.recorded_at,
                    NULL::uuid AS corrects, NULL::date AS corrects_booked_on
                FROM %1$s.branch_income i
                UNION ALL
                SELECT 'EXPENSE', false, p.expense_id, p.booked_on, x.item, p.amount_fen, NULL, p.reference,
                    x.payee || ': ' || x.description, NULL, p.paid_by, p.paid_at, NULL, NULL
                FROM %1$s.expense_payment p JOIN %1$s.expense x ON x.id = p.expense_id
                UNION ALL
                SELECT CASE WHEN c.corrects_income IS NULL THEN 'EXPENSE_CORRECTION' ELSE 'INCOME_CORRECTION' END,
                    c.corrects_income IS NOT NULL, c.id, c.booked_on, coalesce(i.source, x.item), c.amount_fen, NULL,
                    NULL, c.reason, NULL, c.recorded_by, c.recorded_at, coalesce(i.public_id, c.corrects_expense),
                    coalesce(i.booked_on, p.booked_on)
                FROM %1$s.cash_correction c
                LEFT JOIN %1$s.branch_income i ON i.id = c.corrects_income
                LEFT JOIN %1$s.expense_payment p ON p.expense_id = c.corrects_expense
                LEFT JOIN %1$s.expense x ON x.id = c.corrects_expense""".formatted(schema);
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(Kind.valueOf(row.getString("kind")), row.getObject("id", UUID.class),
                row.getObject("booked_on", LocalDate.class), row.getString("category"), row.getLong("amount_fen"),
                row.getString("channel"), row.getString("reference"), row.getString("description"),
                row.getString("received_by"), row.getString("recorded_by"),
                row.getObject("recorded_at", OffsetDateTime.class), row.getObject("corrects", UUID.class),
                row.getObject("corrects_booked_on", LocalDate.class));
    }

    private static Map<String, Long> zeros(Enum<?>[] categories) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        Arrays.stream(categories).forEach(c -> zeros.put(c.name(), 0L));
        return zeros;
    }

    private static List<Line> lines(Map<String, Long> totals) {
        List<Line> lines = new ArrayList<>();
        totals.forEach((category, amount) -> lines.add(new Line(category, amount)));
        return lines;
    }
}
