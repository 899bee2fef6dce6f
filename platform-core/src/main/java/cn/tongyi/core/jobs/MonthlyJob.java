package cn.tongyi.core.jobs;

import java.time.LocalDate;

/** A job due on one day of each month; the scheduler ticks it daily so that a missed day is caught up. */
public interface MonthlyJob extends DailyJob {

    int dayOfMonth();

    @Override
    default boolean dueOn(LocalDate day) {
        return day.getDayOfMonth() == dayOfMonth();
    }
}
