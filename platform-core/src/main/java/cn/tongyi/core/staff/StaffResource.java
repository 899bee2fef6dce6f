package cn.tongyi.core.staff;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The staff of a branch and their roles, managed by the branch head (R-BRANCH-3). */
@Path("/api/branches/{branch}/staff")
@Tag(name = "Branch staff")
@BranchRoles(Role.BRANCH_HEAD)
public class StaffResource {

    public record RoleChange(@NotEmpty Set<Role> roles) {
    }

    private final StaffService staff;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson currentPerson;
    private final PersonIds personIds;

    StaffResource(StaffService staff, CurrentBranch currentBranch, CallerGrants caller, CurrentPerson currentPerson,
            PersonIds personIds) {
        this.staff = staff;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.currentPerson = currentPerson;
        this.personIds = personIds;
    }

    @GET
    @Operation(summary = "Staff of the branch with their roles")
    public List<StaffMember> list(@PathParam("branch") String branch) {
        return staff.list(currentBranch.require());
    }

    @POST
    @Idempotent
    @Operation(summary = "Create a staff login (steward, finance officer, head); needs an Idempotency-Key")
    public RestResponse<StaffMember> create(@PathParam("branch") String branch, @Valid @NotNull NewStaff request) {
        StaffMember created = staff.create(currentBranch.require(), request, caller.username());
        return RestResponse.ResponseBuilder
                .<StaffMember>created(URI.create("/api/branches/" + branch + "/staff/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{personId}/roles")
    @Operation(summary = "Set the staff roles of a staff member")
    public StaffMember setRoles(@PathParam("branch") String branch, @PathParam("personId") UUID personId,
            @Valid @NotNull RoleChange change) {
        return staff.setRoles(currentBranch.require(), staffId(personId), change.roles(), currentPerson.id(), caller.username());
    }

    @DELETE
    @Path("/{personId}")
    @Operation(summary = "Take every staff role of a person in this branch away")
    public RestResponse<Void> remove(@PathParam("branch") String branch, @PathParam("personId") UUID personId) {
        staff.remove(currentBranch.require(), staffId(personId), currentPerson.id());
        return RestResponse.noContent();
    }

    private long staffId(UUID personId) {
        return personIds.internalId(personId).orElseThrow(() -> StaffService.notFound(personId));
    }
}
