package cn.tongyi.tenant.access;

import cn.tongyi.tenant.registry.BranchCode;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs work in one branch, explicitly: a fresh request context whose current branch is set before any database
 * access, and closed afterwards, so that one branch's work never sees another's schema. Called from a request (HQ
 * running a job by hand), the request's own context is set aside meanwhile and restored after.
 */
@ApplicationScoped
public class BranchScope {

    private final CurrentBranch currentBranch;

    BranchScope(CurrentBranch currentBranch) {
        this.currentBranch = currentBranch;
    }

    public <T> T call(BranchCode branch, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState outer = requestContext.isActive() ? requestContext.getState() : null;
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            currentBranch.enter(branch, Set.of());
            return work.get();
        } finally {
            requestContext.terminate();
            if (outer != null) {
                requestContext.activate(outer);
            }
        }
    }
}
