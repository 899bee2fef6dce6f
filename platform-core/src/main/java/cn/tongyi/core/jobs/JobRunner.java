package cn.tongyi.core.jobs;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.web.BusinessClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs jobs one instance at a time and records every run (ADR 0013). The guard is a PostgreSQL advisory lock held by
 * a transaction of its own ({@code pg_try_advisory_xact_lock}), so it is released when that transaction ends, also
 * behind a transaction-mode connection pooler and when an instance dies. A scheduled run that finds the lock taken is
 * recorded as SKIPPED; a run by hand waits for it. Per-day jobs catch up the days since their last scheduled run
 * (at most {@value #CATCH_UP_DAYS} days back).
 */
@ApplicationScoped
public class JobRunner {

    static final int CATCH_UP_DAYS = 7;
    static final String ABANDONED = "abandoned: its instance stopped before the run ended";
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final String INSTANCE = System.getenv().getOrDefault("HOSTNAME", "local") + "#"
            + ProcessHandle.current().pid();

    private final AgroalDataSource dataSource;
    private final PlainSql sql;
    private final BusinessClock clock;

    JobRunner(AgroalDataSource dataSource, PlainSql sql, BusinessClock clock) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.clock = clock;
    }

    /** What the scheduler calls: runs today (and missed days of a per-day job) unless another instance is running. */
    public List<JobRun> onSchedule(DailyJob job) {
        LocalDate today = clock.today();
        return underLock(job, false, () -> {
            List<JobRun> runs = new ArrayList<>();
            for (LocalDate day : daysToRun(job, today)) {
                runs.add(runLocked(job, day, day.equals(today) ? JobRun.Trigger.SCHEDULE : JobRun.Trigger.CATCH_UP));
            }
            return runs;
        }, () -> List.of(record(job, today, JobRun.Trigger.SCHEDULE, JobRun.Status.SKIPPED,
                "another instance is running it")));
    }

    /** An operator's run for a day: waits for a run in progress elsewhere, then runs. */
    public JobRun runByHand(DailyJob job, LocalDate day) {
        return underLock(job, true, () -> runLocked(job, day, JobRun.Trigger.MANUAL), null);
    }

    public List<JobRun> recentRuns(String job, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM platform.job_run WHERE job = ? ORDER BY started_at DESC, id "
                + "LIMIT ?", JobRunner::toRun, job, limit);
    }

    public Optional<JobRun> lastRun(String job) {
        return recentRuns(job, 1).stream().findFirst();
    }

    private List<LocalDate> daysToRun(DailyJob job, LocalDate today) {
        if (!job.perDay()) {
            return List.of(today);
        }
        List<LocalDate> lastScheduled = sql.query("""
                SELECT max(day) FROM platform.job_run
                WHERE job = ? AND status = 'FINISHED' AND trigger <> 'MANUAL' AND day <= ?""",
                row -> row.getObject(1, LocalDate.class), job.name(), today);
        LocalDate last = lastScheduled.get(0);
        LocalDate first = last == null ? today : last.plusDays(1);
        if (first.isBefore(today.minusDays(CATCH_UP_DAYS))) {
            first = today.minusDays(CATCH_UP_DAYS);
        }
        return first.datesUntil(today.plusDays(1)).filter(job::dueOn).toList();
    }

    private JobRun runLocked(DailyJob job, LocalDate day, JobRun.Trigger trigger) {
        closeAbandonedRuns(job);
        UUID id = UUID.randomUUID();
        OffsetDateTime started = clock.now();
        sql.update("INSERT INTO platform.job_run (id, job, day, trigger, status, instance, started_at) "
                + "VALUES (?, ?, ?, ?, 'RUNNING', ?, ?)", id, job.name(), day, trigger.name(), INSTANCE, started);
        try {
            DailyJob.JobReport report = job.run(day);
            sql.update("UPDATE platform.job_run SET status = 'FINISHED', finished_at = ?, branches = ?, found = ? "
                    + "WHERE id = ?", clock.now(), report.branches(), report.created(), id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed for %s", job.name(), day);
            sql.update("UPDATE platform.job_run SET status = 'FAILED', finished_at = ?, detail = ? WHERE id = ?",
                    clock.now(), e.getClass().getSimpleName(), id);
        }
        return sql.query("SELECT " + COLUMNS + " FROM platform.job_run WHERE id = ?", JobRunner::toRun, id).get(0);
    }

    /**
     * Runs of this job still RUNNING while this instance holds its lock were left by an instance that stopped mid-run
     * (killed, its node lost): they end as FAILED, so that HQ does not see them running for ever; their days are run
     * again by the catch-up, which counts FINISHED runs only.
     */
    private void closeAbandonedRuns(DailyJob job) {
        int closed = sql.update("UPDATE platform.job_run SET status = 'FAILED', finished_at = ?, detail = ? "
                + "WHERE job = ? AND status = 'RUNNING'", clock.now(), ABANDONED, job.name());
        if (closed > 0) {
            LOG.warnf("Job %s: %d run(s) left RUNNING by a stopped instance marked FAILED", job.name(), closed);
        }
    }

    private JobRun record(DailyJob job, LocalDate day, JobRun.Trigger trigger, JobRun.Status status, String detail) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.now();
        sql.update("INSERT INTO platform.job_run (id, job, day, trigger, status, instance, started_at, finished_at, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, job.name(), day, trigger.name(), status.name(),
                INSTANCE, now, now, detail);
        return new JobRun(id, job.name(), day, trigger, status, INSTANCE, now, now, null, null, detail);
    }

    /** Holds the job's advisory lock in a transaction of its own while {@code locked} runs. */
    private <T> T underLock(DailyJob job, boolean wait, Supplier<T> locked, Supplier<T> busy) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection, job.name(), wait)) {
                    return busy.get();
                }
                return locked.get();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private static boolean lock(Connection connection, String job, boolean wait) throws SQLException {
        String function = wait ? "pg_advisory_xact_lock" : "pg_try_advisory_xact_lock";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtext('tongyi-job'), hashtext(?))::text")) {
            statement.setString(1, job);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return wait || "true".equals(result.getString(1));
            }
        }
    }

    private static final String COLUMNS = "id, job, day, trigger, status, instance, started_at, finished_at, branches, "
            + "found, detail";

    private static JobRun toRun(ResultSet row) throws SQLException {
        return new JobRun(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, LocalDate.class),
                JobRun.Trigger.valueOf(row.getString(4)), JobRun.Status.valueOf(row.getString(5)), row.getString(6),
                row.getObject(7, OffsetDateTime.class), row.getObject(8, OffsetDateTime.class),
                (Integer) row.getObject(9), (Integer) row.getObject(10), row.getString(11));
    }
}
