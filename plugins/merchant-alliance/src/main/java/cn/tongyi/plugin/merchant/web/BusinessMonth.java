package cn.tongyi.plugin.merchant.web;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A calendar month of the business zone: from its first instant (inclusive) to the next month's (exclusive).
 */
public record BusinessMonth(YearMonth month, OffsetDateTime from, OffsetDateTime until) {

    public static BusinessMonth of(YearMonth month, ZoneId zone) {
        return new BusinessMonth(month, start(month, zone), start(month.plusMonths(1), zone));
    }

    /** The month the {@code month} query parameter names. */
    public static BusinessMonth requested(PluginRequest request, PluginContext context) {
        return of(parse(request.queryParameter("month")), context.time().zone());
    }

    /** The {@code month} parameter, YYYY-MM; missing or malformed is 400 {@code invalid-month}. */
    public static YearMonth parse(Optional<String> value) {
        try {
            return YearMonth.parse(value.map(String::strip).orElseThrow(() -> invalid(null)));
        } catch (DateTimeParseException e) {
            throw invalid(value.get());
        }
    }

    private static OffsetDateTime start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private static PluginProblem invalid(String value) {
        return PluginProblem.badRequest("invalid-month", "A month is given as YYYY-MM: " + value);
    }
}
