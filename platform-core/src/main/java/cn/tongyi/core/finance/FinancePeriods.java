package cn.tongyi.core.finance;

import cn.tongyi.core.event.DomainEvents;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PSQLException;

/**
 * Closed months and locked years. A month is closed once it is over (by hand, by its first disclosure, or by the
 * year's lock): nothing more is booked into it, and {@code MonthClosed} is raised in the closing transaction. A year is
 * locked after its audit (R-FIN-5), which closes all its months. The database refuses entries into a closed month as
 * well (trigger {@code finance_record_guard}); closing takes a share lock on the entry tables, so that an entry being
 * written meanwhile either commits before the close or is refused after it.
 */
@ApplicationScoped
public class FinancePeriods {

    private static final String PERIOD_CONSTRAINT = "finance_period_open";

    private final PlainSql sql;
    private final BusinessClock clock;
    private final DomainEvents events;

    FinancePeriods(PlainSql sql, BusinessClock clock, DomainEvents events) {
        this.sql = sql;
        this.clock = clock;
        this.events = events;
    }

    /** Refuses a booking day in a locked year (409 {@code year-locked}) or a closed month (409 {@code month-closed}). */
    public void requireOpen(BranchCode branch, LocalDate day) {
        if (locked(branch, day.getYear())) {
            throw ApiProblem.conflict("year-locked", "The year " + day.getYear()
                    + " is locked after its audit: book a correction into the current year instead");
        }
        if (closed(branch, YearMonth.from(day))) {
            throw ApiProblem.conflict("month-closed", "The books of " + YearMonth.from(day)
                    + " are closed: book it into the current month instead");
        }
    }

    public boolean locked(BranchCode branch, int year) {
        return !sql.query("SELECT 1 FROM " + branch.schemaName() + ".finance_year WHERE year = ?", row -> 1, year)
                .isEmpty();
    }

    public boolean closed(BranchCode branch, YearMonth month) {
        return !sql.query("SELECT 1 FROM " + branch.schemaName() + ".finance_month WHERE month = ?", row -> 1,
                month.toString()).isEmpty();
    }

    /** The closed months of a year, in order. */
    public List<YearMonth> closedMonths(BranchCode branch, int year) {
        return sql.query("SELECT month FROM " + branch.schemaName() + ".finance_month WHERE month LIKE ? ORDER BY month",
                row -> YearMonth.parse(row.getString(1)), year + "-%");
    }

    /** Closes a month that is over; 409 {@code month-not-over} or {@code month-closed} otherwise. */
    public void close(BranchCode branch, YearMonth month, String actor) {
        requireOver(month);
        if (!closeIfOpen(branch, month, actor)) {
            throw ApiProblem.conflict("month-closed", "The books of " + month + " are already closed");
        }
    }

    /** Closes the month unless it is closed already; says whether it closed it now. */
    boolean closeIfOpen(BranchCode branch, YearMonth month, String actor) {
        String schema = branch.schemaName();
        sql.update("LOCK TABLE " + schema + ".branch_income, " + schema + ".expense_payment, " + schema
                + ".cash_correction IN SHARE MODE");
        boolean closedNow = sql.update("INSERT INTO " + schema + """
                .finance_month (month, closed_by, closed_at) VALUES (?, ?, ?) ON CONFLICT (month) DO NOTHING""",
                month.toString(), actor, clock.now()) == 1;
        if (closedNow) {
            events.raise(branch, DomainEvent.MONTH_CLOSED, Map.of("month", month.toString()));
        }
        return closedNow;
    }

    void requireOver(YearMonth month) {
        if (!YearMonth.from(clock.today()).isAfter(month)) {
            throw ApiProblem.conflict("month-not-over", "The month " + month + " is not over yet");
        }
    }

    /**
     * The problem for an entry the database refused because its month was closed by a concurrent transaction, or the
     * failure itself.
     */
    static RuntimeException refusal(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    && PERIOD_CONSTRAINT.equals(psql.getServerErrorMessage().getConstraint())) {
                return ApiProblem.conflict("month-closed", "The books of that month were closed meanwhile");
            }
        }
        return failure;
    }
}
