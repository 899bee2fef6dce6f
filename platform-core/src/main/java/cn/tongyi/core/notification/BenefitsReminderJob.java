package cn.tongyi.core.notification;

import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.core.jobs.MonthlyJob;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.membership.Membership;
import cn.tongyi.core.membership.ServiceVoucher;
import cn.tongyi.web.BusinessClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * R-MEMBER-7: on the 5th of each month every member finds a benefits reminder in their inbox: the free service time
 * left and until when their membership runs. One reminder per member and month, however often the job runs.
 */
@ApplicationScoped
public class BenefitsReminderJob implements MonthlyJob {

    static final int REMINDER_DAY = 5;
    static final String REMINDER = "您本月可用的免费服务时长:%d 分钟;会员有效期至:%s。"
            + "可兑换的商家优惠请见《会员优惠手册》。";

    private final ActiveBranches branches;
    private final Inbox inbox;
    private final BusinessClock clock;
    private final JobRunner runner;

    BenefitsReminderJob(ActiveBranches branches, Inbox inbox, BusinessClock clock, JobRunner runner) {
        this.runner = runner;
        this.branches = branches;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "benefits-reminders";
    }

    @Override
    public String schedule() {
        return "The 5th of every month at 09:00 (Asia/Shanghai); checked daily, so a missed 5th is caught up";
    }

    @Override
    public int dayOfMonth() {
        return REMINDER_DAY;
    }

    @Scheduled(cron = "0 0 9 * * ?", timeZone = "Asia/Shanghai", identity = "benefits-reminders",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTheFifth() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        if (!dueOn(day)) {
            return new JobReport(name(), day, 0, 0);
        }
        return branches.report(name(), day, () -> remindAll(YearMonth.from(day)));
    }

    private int remindAll(YearMonth month) {
        List<Member> members = Member.list("revokedAt is null");
        int sent = 0;
        for (Member member : members) {
            long voucherMinutes = ServiceVoucher.unusedMinutes(member.id);
            String until = Membership.latest(member.id).map(m -> m.endsOn.minusDays(1).toString()).orElse("未缴费");
            String body = REMINDER.formatted(voucherMinutes, until);
            if (inbox.deliver(member.personId, "BENEFITS_REMINDER", month + " 会员权益提醒", body,
                    "benefits-reminder:" + month + ":" + member.personId, clock.now())) {
                sent++;
            }
        }
        return sent;
    }
}
