package cn.tongyi.core.calendar;

import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/** The alliance's working days as HQ keeps them (platform.calendar_exception). */
@ApplicationScoped
public class BusinessCalendar {

    /** Longer than any run of holidays: the exceptions read for a deadline span this many days past its start. */
    private static final int LOOK_AHEAD_DAYS = 60;

    /** The {@code days}-th working day after {@code from} (the day itself does not count). */
    public LocalDate workingDaysAfter(LocalDate from, int days) {
        return around(from).after(from, days);
    }

    /** The {@code days}-th working day after the Shanghai date of {@code moment}. */
    public LocalDate workingDaysAfter(Instant moment, int days) {
        return around(LocalDate.ofInstant(moment, BusinessClock.ZONE)).after(moment, days);
    }

    private WorkingDays around(LocalDate from) {
        Map<LocalDate, Boolean> exceptions = CalendarException.<CalendarException>list("day > ?1 and day <= ?2",
                        from, from.plusDays(LOOK_AHEAD_DAYS)).stream()
                .collect(Collectors.toMap(e -> e.day, e -> e.working));
        return new WorkingDays(exceptions);
    }
}
