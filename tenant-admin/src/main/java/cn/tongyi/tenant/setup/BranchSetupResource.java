package cn.tongyi.tenant.setup;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.web.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-BRANCH-2: the branch head ticks the set-up checklist of their branch. */
@Path("/api/branches/{branch}/setup-checklist")
@Tag(name = "Branch set-up")
@BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
public class BranchSetupResource {

    public record Tick(@NotNull Boolean done, @Size(max = 500) String note) {
    }

    private final SetupChecklist checklist;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    BranchSetupResource(SetupChecklist checklist, CurrentBranch currentBranch, CallerGrants caller) {
        this.checklist = checklist;
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The set-up checklist of the branch")
    public ChecklistView get(@PathParam("branch") String branch, @Context HttpHeaders headers) {
        Branch registered = Branch.byCode(branch).orElseThrow();
        return ChecklistView.of(branch, checklist.progress(registered), checklist.entries(branch),
                Language.prefersEnglish(headers));
    }

    @PUT
    @Path("/{item}")
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Tick (or untick) one item of the set-up checklist")
    public SetupChecklist.Entry tick(@PathParam("branch") String branch, @PathParam("item") SetupItem item,
            @Valid @NotNull Tick tick) {
        return checklist.tick(currentBranch.require(), item, tick.done(), tick.note(), caller.username());
    }
}
