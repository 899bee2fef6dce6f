package cn.tongyi.core.governance;

import cn.tongyi.web.ApiProblem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q4}: the period a finance supervision group goes over (R-FIN-4). */
public record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("^([0-9]{4})-Q([1-4])$");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A quarter is numbered 1 to 4: " + number);
        }
    }

    /** Parses {@code YYYY-Qn}; 400 {@code invalid-quarter} otherwise. */
    public static Quarter parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw ApiProblem.invalidField("invalid-quarter", "quarter", "A quarter is written YYYY-Qn, e.g. 2026-Q4");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (number - 1) * 3 + 1);
    }

    public LocalDate firstDay() {
        return firstMonth().atDay(1);
    }

    public LocalDate lastDay() {
        return firstMonth().plusMonths(2).atEndOfMonth();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
