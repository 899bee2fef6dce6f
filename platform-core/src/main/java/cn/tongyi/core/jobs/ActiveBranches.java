package cn.tongyi.core.jobs;

import cn.tongyi.tenant.access.BranchScope;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Runs a piece of work in each ACTIVE branch in turn; a failing branch is logged and does not stop the others. */
@ApplicationScoped
public class ActiveBranches {

    private static final Logger LOG = Logger.getLogger(ActiveBranches.class);

    private final BranchScope scope;

    ActiveBranches(BranchScope scope) {
        this.scope = scope;
    }

    public record Outcome(int branches, int created) {
    }

    public Outcome forEach(String job, Supplier<Integer> workInBranch) {
        List<Branch> branches = Branch.list("status", Sort.by("code"), BranchStatus.ACTIVE);
        int created = 0;
        for (Branch branch : branches) {
            try {
                created += scope.call(branch.branchCode(), workInBranch);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Job %s failed in branch %s", job, branch.code);
            }
        }
        return new Outcome(branches.size(), created);
    }

    /** Runs the work in each ACTIVE branch in a transaction of its own, and reports the job's day. */
    public DailyJob.JobReport report(String job, LocalDate day, Supplier<Integer> workInBranch) {
        Outcome outcome = forEach(job, () -> QuarkusTransaction.requiringNew().call(workInBranch::get));
        return new DailyJob.JobReport(job, day, outcome.branches(), outcome.created());
    }
}
