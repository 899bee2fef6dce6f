package cn.tongyi.core.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One run of a job as HQ reads it: {@code created} counts what the run did or, for a deadline watch, the overdue
 * items it found.
 */
public record JobRun(UUID id, String job, LocalDate day, Trigger trigger, Status status, String instance,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, Integer branches, Integer created, String detail) {

    public enum Trigger {
        SCHEDULE,
        CATCH_UP,
        MANUAL
    }

    public enum Status {
        RUNNING,
        FINISHED,
        FAILED,
        SKIPPED
    }
}
