package cn.tongyi.core.compliance;

import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.core.jobs.MonthlyJob;
import cn.tongyi.tenant.access.CurrentBranch;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * R-COMPLIANCE-5: on the 11th (the day after the disclosure deadline) every branch's self-check of the last month is
 * run; re-running it re-checks and keeps what was signed or fixed.
 */
@ApplicationScoped
public class ComplianceSelfCheckJob implements MonthlyJob {

    static final int CHECK_DAY = 11;

    private final ActiveBranches branches;
    private final Compliance compliance;
    private final CurrentBranch currentBranch;
    private final JobRunner runner;

    ComplianceSelfCheckJob(ActiveBranches branches, Compliance compliance, CurrentBranch currentBranch,
            JobRunner runner) {
        this.branches = branches;
        this.compliance = compliance;
        this.currentBranch = currentBranch;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "compliance-self-check";
    }

    @Override
    public String schedule() {
        return "The 11th of every month at 06:00 (Asia/Shanghai) for the previous month; checked daily, so a missed "
                + "11th is caught up";
    }

    @Override
    public int dayOfMonth() {
        return CHECK_DAY;
    }

    @Scheduled(cron = "0 0 6 * * ?", timeZone = "Asia/Shanghai", identity = "compliance-self-check",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        YearMonth month = YearMonth.from(day).minusMonths(1);
        return branches.report(name(), day, () -> (int) compliance.run(currentBranch.require(), month).stream()
                .filter(item -> "FINDING".equals(item.status())).count());
    }
}
