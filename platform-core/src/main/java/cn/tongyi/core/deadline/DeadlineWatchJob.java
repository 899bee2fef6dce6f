package cn.tongyi.core.deadline;

import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.core.jobs.ActiveBranches;
import cn.tongyi.core.jobs.DailyJob;
import cn.tongyi.core.jobs.JobRunner;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Watches every deadline (ADR 0013): each item past its clock is brought to its owners (the role that owns it, and
 * the branch head) once, in their inbox; the run records how many overdue items it found.
 */
@ApplicationScoped
public class DeadlineWatchJob implements DailyJob {

    private final ActiveBranches branches;
    private final OverdueItems overdue;
    private final CurrentBranch currentBranch;
    private final Inbox inbox;
    private final BusinessClock clock;
    private final JobRunner runner;

    DeadlineWatchJob(ActiveBranches branches, OverdueItems overdue, CurrentBranch currentBranch, Inbox inbox,
            BusinessClock clock, JobRunner runner) {
        this.branches = branches;
        this.overdue = overdue;
        this.currentBranch = currentBranch;
        this.inbox = inbox;
        this.clock = clock;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "deadline-watch";
    }

    @Override
    public String schedule() {
        return "Every 5 minutes";
    }

    @Override
    public boolean perDay() {
        return false;
    }

    @Scheduled(every = "5m", delayed = "2m", identity = "deadline-watch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFiveMinutes() {
        runner.onSchedule(this);
    }

    @Override
    public JobReport run(LocalDate day) {
        return branches.report(name(), day, this::alertOwners);
    }

    private int alertOwners() {
        OffsetDateTime now = clock.now();
        String branch = currentBranch.require().value();
        List<Overdue> items = overdue.in(currentBranch.require(), now);
        for (Overdue item : items) {
            List<RoleGrant> owners = RoleGrant.list("branchCode = ?1 and role in ?2", branch,
                    List.of(item.owner(), Role.BRANCH_HEAD));
            for (RoleGrant owner : owners) {
                inbox.deliver(owner.personId, "OVERDUE", "已超时:" + item.clock(),
                        "%s %s 已于 %s 到期,请尽快处理。".formatted(item.clock(), item.item(),
                                item.dueAt().atZoneSameInstant(BusinessClock.ZONE).toLocalDateTime()),
                        "overdue:" + item.clock() + ":" + item.item() + ":" + owner.personId, now);
            }
        }
        return items.size();
    }
}
