package cn.tongyi.core.jobs;

import java.time.LocalDate;

/**
 * A job the scheduler runs once a day (or on a given day of the month) in every ACTIVE branch. Running it twice for
 * the same day changes nothing the second time, so an operator may re-run a missed day.
 */
public interface DailyJob {

    /** The name operators use to run it by hand: {@code POST /api/admin/jobs/{name}/runs}. */
    String name();

    /** Runs the job for the day in every ACTIVE branch and says what it did. */
    JobReport run(LocalDate day);

    record JobReport(String job, LocalDate day, int branches, int created) {
    }
}
