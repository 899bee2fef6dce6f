package cn.tongyi.core.calendar;

import cn.tongyi.web.BusinessClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working days for deadlines such as R-LEDGER-6's "a steward decides within 3 working days", in Asia/Shanghai:
 * Monday to Friday, except the given exceptions (public holidays on weekdays, make-up working days on weekends).
 * Pure logic; {@link BusinessCalendar} supplies the exceptions HQ keeps.
 */
public final class WorkingDays {

    public static final WorkingDays MONDAY_TO_FRIDAY = new WorkingDays(Map.of());

    private final Map<LocalDate, Boolean> exceptions;

    /** @param exceptions day → whether it is a working day, for the days that differ from Monday to Friday */
    public WorkingDays(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    /** The date of the {@code days}-th working day after {@code from} (the day itself does not count). */
    public LocalDate after(LocalDate from, int days) {
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The {@code days}-th working day after the Shanghai date of {@code moment}. */
    public LocalDate after(Instant moment, int days) {
        return after(LocalDate.ofInstant(moment, BusinessClock.ZONE), days);
    }

    public boolean isWorkingDay(LocalDate date) {
        return exceptions.getOrDefault(date, isWeekday(date));
    }

    /** Overdue once the due day is over in Shanghai. */
    public static boolean overdue(LocalDate dueOn, Instant now) {
        return LocalDate.ofInstant(now, BusinessClock.ZONE).isAfter(dueOn);
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
