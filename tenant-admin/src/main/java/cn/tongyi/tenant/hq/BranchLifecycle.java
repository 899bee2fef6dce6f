package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.tenant.registry.BranchStatusChange;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** R-BRANCH-1: HQ moves a branch between PREPARING, ACTIVE and SUSPENDED; each move is logged. */
@ApplicationScoped
public class BranchLifecycle {

    @Transactional
    public Branch changeStatus(String code, BranchStatus target, String reason, String actor) {
        Branch branch = Branch.<Branch>findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> HqBranchResource.unknown(code));
        if (!branch.status.canMoveTo(target)) {
            throw ApiProblem.conflict("invalid-status-transition",
                    "A " + branch.status + " branch can move to " + branch.status.next() + ", not " + target);
        }
        OffsetDateTime now = OffsetDateTime.now();
        BranchStatusChange change = new BranchStatusChange();
        change.branchCode = code;
        change.fromStatus = branch.status;
        change.toStatus = target;
        change.changedBy = actor;
        change.changedAt = now;
        change.reason = reason;
        change.persist();
        branch.status = target;
        branch.statusChangedAt = now;
        return branch;
    }
}
