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
    private boolean allianceMember;

    public void enter(BranchCode code, Set<Role> roles) {
        enter(code, roles, false);
    }

    /** @param allianceMember the caller holds MEMBER here only as a member of another branch */
    public void enter(BranchCode code, Set<Role> roles, boolean allianceMember) {
        if (this.code != null && !this.code.equals(code)) {
            throw new IllegalStateException("The request already acts in branch " + this.code);
        }
        this.code = code;
        this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        this.allianceMember = allianceMember;
    }

    /** Whether the caller acts here as MEMBER only because they are a member of another branch. */
    public boolean allianceMember() {
        return allianceMember;
    }

    public Set<Role> roles() {
        return roles;
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
