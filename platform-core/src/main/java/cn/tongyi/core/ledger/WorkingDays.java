package cn.tongyi.core.ledger;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business days for deadlines such as R-LEDGER-6's "a steward decides within 3 working days": Monday to Friday in
 * Asia/Shanghai. Public holidays and the make-up working weekends of the Chinese calendar are not modelled yet.
 */
public final class WorkingDays {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DISPUTE_DECISION_DAYS = 3;

    private WorkingDays() {
    }

    /** The date of the {@code days}-th working day after {@code from} (the day of filing itself does not count). */
    public static LocalDate after(LocalDate from, int days) {
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

    /** The day a dispute filed at {@code filedAt} must be decided by, end of that day included. */
    public static LocalDate disputeDueOn(Instant filedAt) {
        return after(LocalDate.ofInstant(filedAt, ZONE), DISPUTE_DECISION_DAYS);
    }

    /** Overdue once the due day is over in Shanghai. */
    public static boolean overdue(LocalDate dueOn, Instant now) {
        return LocalDate.ofInstant(now, ZONE).isAfter(dueOn);
    }

    static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
