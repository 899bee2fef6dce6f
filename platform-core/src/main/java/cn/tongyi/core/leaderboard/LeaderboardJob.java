package cn.tongyi.core.leaderboard;

import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.core.jobs.MonthlyJob;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.web.BusinessClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * R-LEDGER-7: on the 5th each branch publishes the previous month's leaderboard: for every building, the points its
 * members (home branch this one) were credited that month, wherever they earned them, less the corrections taken
 * from them. A building with fewer than {@value #MIN_MEMBERS} members is left out, since its figure would name them. A
 * published month is a snapshot: running the job again adds nothing.
 */
@ApplicationScoped
public class LeaderboardJob implements MonthlyJob {

    static final int PUBLISHING_DAY = 5;

    /** A building with fewer members would name them: it is left out of the published board. */
    static final int MIN_MEMBERS = 3;

    private final ActiveBranches branches;
    private final CurrentBranch currentBranch;
    private final EntityManager em;
    private final BusinessClock clock;
    private final JobRunner runner;

    LeaderboardJob(ActiveBranches branches, CurrentBranch currentBranch, EntityManager em, BusinessClock clock, JobRunner runner) {
        this.runner = runner;
        this.branches = branches;
        this.currentBranch = currentBranch;
        this.em = em;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "leaderboard";
    }

    @Override
    public String schedule() {
        return "The 5th of every month at 08:00 (Asia/Shanghai) for the previous month; checked daily, so a missed 5th is caught up";
    }

    @Override
    public int dayOfMonth() {
        return PUBLISHING_DAY;
    }

    @Scheduled(cron = "0 0 8 * * ?", timeZone = "Asia/Shanghai", identity = "leaderboard",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTheFifth() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        if (!dueOn(day)) {
            return new JobReport(name(), day, 0, 0);
        }
        YearMonth month = YearMonth.from(day).minusMonths(1);
        return branches.report(name(), day, () -> publish(month));
    }

    private int publish(YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        return em.createNativeQuery("""
                INSERT INTO leaderboard_entry (month, building_name, points, published_at)
                SELECT ?1, b.name, greatest(coalesce(sum(e.points), 0), 0), ?5
                FROM building b
                JOIN member m ON m.building_id = b.id AND m.revoked_at IS NULL
                LEFT JOIN platform.ledger_account a ON a.type = 'MEMBER' AND a.person_id = m.person_id
                LEFT JOIN LATERAL (
                    SELECT t.amount AS points FROM platform.ledger_transfer t
                    WHERE t.credit_account_id = a.id AND t.credit_home_branch = ?2
                      AND t.created_at >= ?3 AND t.created_at < ?4
                    UNION ALL
                    SELECT -t.amount FROM platform.ledger_transfer t
                    WHERE t.debit_account_id = a.id AND t.kind = 'CORRECTION' AND t.debit_home_branch = ?2
                      AND t.created_at >= ?3 AND t.created_at < ?4) e ON true
                GROUP BY b.name
                HAVING count(DISTINCT m.id) >= ?6
                ON CONFLICT (month, building_name) DO NOTHING""")
                .setParameter(1, month.toString()).setParameter(2, currentBranch.require().value())
                .setParameter(3, from).setParameter(4, to).setParameter(5, clock.now())
                .setParameter(6, MIN_MEMBERS)
                .executeUpdate();
    }
}
