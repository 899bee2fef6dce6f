package cn.tongyi.tenant.access;

import cn.tongyi.tenant.registry.BranchCode;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The branch a request (or a background job) acts in, and the caller's roles there. Set once by
 * {@link BranchAccessFilter} from the path, or explicitly by a job; empty for requests without a tenant.
 */
@RequestScoped
public class CurrentBranch {

    private BranchCode code;
    private Set<Role> roles = Set.of();

    public void enter(BranchCode code, Set<Role> roles) {
        if (this.code != null && !this.code.equals(code)) {
            throw new IllegalStateException("The request already acts in branch " + this.code);
        }
        this.code = code;
        this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public Optional<BranchCode> code() {
        return Optional.ofNullable(code);
    }

    public BranchCode require() {
        return code().orElseThrow(() -> new IllegalStateException("No branch in this context"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller holds at least one of the roles here. */
    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
