package cn.tongyi.plugin.merchant.web;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.PluginContext;
import java.util.Set;

/** Who called a route, and what their roles let them see. */
public final class Callers {

    /** The roles that run the branch and see all of its merchants. */
    public static final Set<BranchRole> STAFF = Set.of(BranchRole.BRANCH_HEAD, BranchRole.STEWARD, BranchRole.FINANCE);

    private Callers() {
    }

    public static Caller of(PluginContext context) {
        return context.caller().orElseThrow(() -> new IllegalStateException("A route is always called by someone"));
    }

    /** Whether the caller holds any of the roles. */
    public static boolean holdsAny(Caller caller, Set<BranchRole> roles) {
        return roles.stream().anyMatch(caller::has);
    }
}
