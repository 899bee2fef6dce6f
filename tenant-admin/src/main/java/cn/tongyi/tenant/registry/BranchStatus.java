package cn.tongyi.tenant.registry;

import java.util.Set;

/** R-BRANCH-1: PREPARING → ACTIVE → SUSPENDED → ACTIVE. Only an ACTIVE branch takes requests, fees and redemptions. */
public enum BranchStatus {
    PREPARING,
    ACTIVE,
    SUSPENDED;

    public Set<BranchStatus> next() {
        return switch (this) {
            case PREPARING, SUSPENDED -> Set.of(ACTIVE);
            case ACTIVE -> Set.of(SUSPENDED);
        };
    }

    public boolean canMoveTo(BranchStatus target) {
        return next().contains(target);
    }
}
