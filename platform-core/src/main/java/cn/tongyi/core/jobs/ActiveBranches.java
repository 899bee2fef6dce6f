package cn.tongyi.core.jobs;

import cn.tongyi.tenant.access.BranchScope;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a piece of work in each ACTIVE branch in turn; a failing branch is logged and does not stop the others. Every
 * run is recorded, with the branches where it failed, for HQ to see.
 */
@ApplicationScoped
public class ActiveBranches {

    private static final Logger LOG = Logger.getLogger(ActiveBranches.class);

    private final BranchScope scope;
    private final JobRuns runs;
    private final BusinessClock clock;

    ActiveBranches(BranchScope scope, JobRuns runs, BusinessClock clock) {
        this.scope = scope;
        this.runs = runs;
        this.clock = clock;
    }

    public record Outcome(int branches, int created) {
    }

    public Outcome forEach(String job, Supplier<Integer> workInBranch) {
        OffsetDateTime startedAt = clock.now();
        List<Branch> branches = Branch.list("status", Sort.by("code"), BranchStatus.ACTIVE);
        List<String> failed = new ArrayList<>();
        int created = 0;
        for (Branch branch : branches) {
            try {
                created += scope.call(branch.branchCode(), workInBranch);
            } catch (RuntimeException e) {
                failed.add(branch.code);
                LOG.errorf(e, "Job %s failed in branch %s", job, branch.code);
            }
        }
        runs.record(new JobRuns.Run(job, startedAt, clock.now(), branches.size(), created, failed));
        return new Outcome(branches.size(), created);
    }
}
