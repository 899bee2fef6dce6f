package cn.tongyi.core.deadline;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.tenant.registry.BranchStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/** Everything past its deadline, oldest first: in one branch for its head, across the ACTIVE branches for HQ. */
@ApplicationScoped
public class OverdueItems {

    private final Instance<DeadlineWatch> watches;

    OverdueItems(Instance<DeadlineWatch> watches) {
        this.watches = watches;
    }

    public List<Overdue> in(BranchCode branch, OffsetDateTime now) {
        return watches.stream().flatMap(watch -> watch.overdue(branch, now).stream())
                .sorted(Comparator.comparing(Overdue::dueAt)).toList();
    }

    public List<Overdue> everywhere(OffsetDateTime now) {
        List<Branch> branches = Branch.list("status", Sort.by("code"), BranchStatus.ACTIVE);
        return branches.stream().flatMap(branch -> in(branch.branchCode(), now).stream()).toList();
    }
}
