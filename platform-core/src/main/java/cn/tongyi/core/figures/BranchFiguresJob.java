package cn.tongyi.core.figures;

import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.DailyJob;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.web.BusinessClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * Refreshes, in every ACTIVE branch, the figures HQ charts: the hours of service confirmed in the month and the
 * members on the books at its end (or now, for the current month), for the month of the day and the one before (a
 * service confirmed late on the last evening of a month is counted on the next run). Running it again for a day
 * writes the same figures; running it for a past day fills that month in, e.g. after onboarding old data.
 */
@ApplicationScoped
public class BranchFiguresJob implements DailyJob {

    private final ActiveBranches branches;
    private final CurrentBranch currentBranch;
    private final EntityManager em;
    private final BusinessClock clock;
    private final JobRunner runner;

    BranchFiguresJob(ActiveBranches branches, CurrentBranch currentBranch, EntityManager em, BusinessClock clock,
            JobRunner runner) {
        this.branches = branches;
        this.currentBranch = currentBranch;
        this.em = em;
        this.clock = clock;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "branch-figures";
    }

    @Override
    public String schedule() {
        return "Every night at 02:15 (Asia/Shanghai): the month of the day and the one before";
    }

    @Override
    public boolean perDay() {
        return false;
    }

    @Scheduled(cron = "0 15 2 * * ?", timeZone = "Asia/Shanghai", identity = "branch-figures",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyNight() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return branches.report(name(), day, () -> refresh(month.minusMonths(1)) + refresh(month));
    }

    private int refresh(YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        return em.createNativeQuery("""
                INSERT INTO platform.branch_month_figure (branch_code, month, service_minutes, services, members,
                    computed_at)
                SELECT ?1, ?2, coalesce(s.minutes, 0), s.services,
                    (SELECT count(*) FROM member m WHERE m.registered_at < ?4
                       AND (m.revoked_at IS NULL OR m.revoked_at >= ?4)), ?5
                FROM (SELECT sum(actual_minutes) AS minutes, count(*) AS services FROM service_request
                      WHERE confirmed_at >= ?3 AND confirmed_at < ?4 AND actual_minutes IS NOT NULL) s
                ON CONFLICT (branch_code, month) DO UPDATE SET service_minutes = excluded.service_minutes,
                    services = excluded.services, members = excluded.members, computed_at = excluded.computed_at""")
                .setParameter(1, currentBranch.require().value()).setParameter(2, month.atDay(1))
                .setParameter(3, from).setParameter(4, to).setParameter(5, clock.now())
                .executeUpdate();
    }
}
