package cn.tongyi.core.member;

import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.DailyJob;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.membership.Membership;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.web.BusinessClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * R-MEMBER-5: on their birthday, members whose membership is active that day receive 2 points ("2 hours of
 * service"), at most once a year: the ledger key is the person and the year, so running the job twice pays once.
 * Those born on 29 February celebrate on the 28th in other years.
 */
@ApplicationScoped
public class BirthdayPointsJob implements DailyJob {

    static final long BIRTHDAY_POINTS = Points.of(2);
    static final String GREETING = "同壹时间银行祝您生日快乐,已为您送上 2 积分(2 小时服务)。";

    private final ActiveBranches branches;
    private final CurrentBranch currentBranch;
    private final LedgerService ledger;
    private final Inbox inbox;
    private final BusinessClock clock;
    private final JobRunner runner;

    BirthdayPointsJob(ActiveBranches branches, CurrentBranch currentBranch, LedgerService ledger, Inbox inbox,
            BusinessClock clock, JobRunner runner) {
        this.runner = runner;
        this.branches = branches;
        this.currentBranch = currentBranch;
        this.ledger = ledger;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "birthday-points";
    }

    @Override
    public String schedule() {
        return "Every day at 07:30 (Asia/Shanghai); missed days caught up";
    }

    @Scheduled(cron = "0 30 7 * * ?", timeZone = "Asia/Shanghai", identity = "birthday-points",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMorning() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        return branches.report(name(), day, () -> celebrate(day));
    }

    private int celebrate(LocalDate day) {
        String branch = currentBranch.require().value();
        int paid = 0;
        for (Member member : bornOn(day)) {
            if (member.revoked() || Membership.of(member.id).stream().noneMatch(m -> m.covers(day))) {
                continue;
            }
            String key = "birthday:" + member.personId + ":" + day.getYear();
            ledger.post(TransferRequest.issue(TransferKind.BIRTHDAY, branch, member.personId, BIRTHDAY_POINTS,
                    new TransferRequest.Reference("BIRTHDAY", Integer.toString(day.getYear())), key, "system"));
            if (inbox.deliver(member.personId, "BIRTHDAY", "生日快乐!", GREETING, key, clock.now())) {
                paid++;
            }
        }
        return paid;
    }

    private static List<Member> bornOn(LocalDate day) {
        MonthDay today = MonthDay.from(day);
        boolean alsoLeapDay = !day.isLeapYear() && today.equals(MonthDay.of(2, 28));
        return Member.list("(extract(month from birthDate) = ?1 and extract(day from birthDate) = ?2)"
                + (alsoLeapDay ? " or (extract(month from birthDate) = 2 and extract(day from birthDate) = 29)" : ""),
                today.getMonthValue(), today.getDayOfMonth());
    }
}
