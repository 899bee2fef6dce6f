package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.tenant.registry.BranchStatusChange;
import cn.tongyi.tenant.setup.SetupChecklist;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** The transactional step of onboarding: the registry row, the set-up checklist and the head's login, all or none. */
@ApplicationScoped
class BranchRegistration {

    private final BranchHeadAccounts headAccounts;
    private final SetupChecklist checklist;

    BranchRegistration(BranchHeadAccounts headAccounts, SetupChecklist checklist) {
        this.headAccounts = headAccounts;
        this.checklist = checklist;
    }

    @Transactional
    Branch register(BranchCode code, NewBranch request, String headPasswordHash, String actor) {
        OffsetDateTime now = OffsetDateTime.now();
        Branch branch = new Branch();
        branch.code = code.value();
        branch.name = request.name().strip();
        branch.address = request.address().strip();
        branch.status = BranchStatus.PREPARING;
        branch.createdAt = now;
        branch.statusChangedAt = now;
        branch.persist();

        BranchStatusChange change = new BranchStatusChange();
        change.branchCode = branch.code;
        change.toStatus = BranchStatus.PREPARING;
        change.changedBy = actor;
        change.changedAt = now;
        change.reason = "onboarded";
        change.persist();

        checklist.open(code);
        headAccounts.createHead(code, request.head(), headPasswordHash);
        return branch;
    }
}
