package cn.tongyi.core.jobs;

import cn.tongyi.core.jdbc.PlainSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** The record of every run of a job across the ACTIVE branches, in {@code platform.job_run}. */
@ApplicationScoped
public class JobRuns {

    static final int LATEST = 50;

    /** One run: when, over how many branches, what it created, and the branches where it failed. */
    public record Run(String job, OffsetDateTime startedAt, OffsetDateTime finishedAt, int branches, int created,
            List<String> failedBranches) {

        public Run {
            failedBranches = List.copyOf(failedBranches);
        }
    }

    private final PlainSql sql;

    JobRuns(PlainSql sql) {
        this.sql = sql;
    }

    void record(Run run) {
        sql.update("""
                INSERT INTO platform.job_run (job, started_at, finished_at, branches, created, failed_branches)
                VALUES (?, ?, ?, ?, ?, ?)""", run.job(), run.startedAt(), run.finishedAt(), run.branches(),
                run.created(), run.failedBranches().toArray(String[]::new));
    }

    /** The latest runs, newest first; of one job only when a name is given. */
    public List<Run> latest(String job) {
        return sql.query("""
                SELECT job, started_at, finished_at, branches, created, failed_branches FROM platform.job_run
                WHERE ?::text IS NULL OR job = ? ORDER BY id DESC LIMIT ?""",
                JobRuns::run, job, job, LATEST);
    }

    /** The latest run of each job that ran. */
    public List<Run> lastOfEach() {
        return sql.query("""
                SELECT DISTINCT ON (job) job, started_at, finished_at, branches, created, failed_branches
                FROM platform.job_run ORDER BY job, id DESC""", JobRuns::run);
    }

    private static Run run(ResultSet row) throws SQLException {
        return new Run(row.getString(1), row.getObject(2, OffsetDateTime.class), row.getObject(3, OffsetDateTime.class),
                row.getInt(4), row.getInt(5), texts(row.getArray(6)));
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
