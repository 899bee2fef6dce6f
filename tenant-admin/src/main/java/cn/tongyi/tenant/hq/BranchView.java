package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.tenant.setup.SetupChecklist;
import java.time.OffsetDateTime;

/** A branch as HQ sees it in the registry. */
public record BranchView(String code, String name, String address, BranchStatus status, OffsetDateTime createdAt,
        OffsetDateTime statusChangedAt, SetupChecklist.Progress setup) {

    static BranchView of(Branch branch, SetupChecklist.Progress setup) {
        return new BranchView(branch.code, branch.name, branch.address, branch.status, branch.createdAt,
                branch.statusChangedAt, setup);
    }
}
