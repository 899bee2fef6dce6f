package cn.tongyi.core.jobs;

import java.time.LocalDate;

/**
 * A job the scheduler runs in every ACTIVE branch through {@link JobRunner} (ADR 0013): one instance at a time, every
 * run recorded, missed days caught up. Running it twice for the same day changes nothing the second time, so an
 * operator may re-run a missed day.
 */
public interface DailyJob {

    /** The name operators use to run it by hand: {@code POST /api/admin/jobs/{name}/runs}. */
    String name();

    /** When the scheduler runs it, in words (README and HQ's job list). */
    String schedule();

    /** Runs the job for the day in every ACTIVE branch and says what it did. */
    JobReport run(LocalDate day);

    /** Whether the day has work for this job; days without are neither run nor caught up. */
    default boolean dueOn(LocalDate day) {
        return true;
    }

    /**
     * True when the work depends on the day (a birthday, the 5th of a month): after an outage each missed day is run
     * for itself. False when the job looks at the clock (a lapse, a deadline): its next run catches everything up.
     */
    default boolean perDay() {
        return true;
    }

    record JobReport(String job, LocalDate day, int branches, int created) {
    }
}
