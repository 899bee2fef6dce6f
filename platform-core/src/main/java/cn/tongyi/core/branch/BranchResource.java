package cn.tongyi.core.branch;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A branch's profile: the registry entry HQ keeps, and what the branch tells about itself. */
@Path("/api/branches/{branch}")
@Tag(name = "Branch")
public class BranchResource {

    public record Profile(
            @Size(max = 30) @Pattern(regexp = "^[0-9+\\- ]*$", message = "digits, +, - and spaces") String phone,
            @Size(max = 100) String openingHours,
            @Size(max = 2000) String introduction) {
    }

    public record BranchProfileView(String code, String name, String address, BranchStatus status,
            Profile profile, Set<Role> myRoles) {
    }

    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    BranchResource(CurrentBranch currentBranch, CallerGrants caller) {
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The branch profile, for anyone holding a role in the branch")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.VOLUNTEER, Role.MEMBER, Role.MERCHANT, Role.GOV_VIEWER})
    public BranchProfileView get(@PathParam("branch") String branch) {
        return view(branch);
    }

    @PUT
    @Path("/profile")
    @BranchRoles(Role.BRANCH_HEAD)
    @Transactional
    @Operation(summary = "Update what the branch tells its residents")
    public BranchProfileView update(@PathParam("branch") String branch, @Valid @NotNull Profile profile) {
        BranchProfile stored = BranchProfile.current();
        stored.phone = profile.phone();
        stored.openingHours = profile.openingHours();
        stored.introduction = profile.introduction();
        stored.updatedBy = caller.username();
        stored.updatedAt = OffsetDateTime.now();
        return view(branch);
    }

    private BranchProfileView view(String code) {
        Branch branch = Branch.byCode(code).orElseThrow();
        BranchProfile profile = BranchProfile.current();
        return new BranchProfileView(branch.code, branch.name, branch.address, branch.status,
                new Profile(profile.phone, profile.openingHours, profile.introduction),
                caller.rolesIn(code));
    }
}
