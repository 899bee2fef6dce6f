package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.provisioning.BranchSchemaVersions;
import java.time.OffsetDateTime;

/**
 * A branch schema's version for HQ: the change sets it holds, the last one, and the outcome of its last upgrade.
 * {@code UNKNOWN}: no upgrade was recorded yet (a branch onboarded before versions were recorded); the next
 * {@code migrate} records it.
 */
public record BranchSchemaView(String branch, String status, Integer changeSets, String lastChangeSet,
        OffsetDateTime upgradedAt, OffsetDateTime failedAt, String error) {

    static BranchSchemaView of(String branch, BranchSchemaVersions.Recorded recorded) {
        if (recorded == null) {
            return new BranchSchemaView(branch, "UNKNOWN", null, null, null, null, null);
        }
        return new BranchSchemaView(branch, recorded.error() == null ? "UPGRADED" : "FAILED", recorded.changeSets(),
                recorded.lastChangeSet(), recorded.upgradedAt(), recorded.failedAt(), recorded.error());
    }
}
