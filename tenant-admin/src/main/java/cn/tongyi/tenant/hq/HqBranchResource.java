package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.provisioning.BranchProvisioner;
import cn.tongyi.tenant.provisioning.NewBranch;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.tenant.setup.ChecklistView;
import cn.tongyi.tenant.setup.SetupChecklist;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.Language;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The HQ admin API for branches: onboarding, the registry, status changes, set-up progress (R-BRANCH-1..3). */
@Path("/api/admin/branches")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: branches")
public class HqBranchResource {

    public record StatusChange(@NotNull BranchStatus status, @Size(max = 500) String reason) {
    }

    private final BranchProvisioner provisioner;
    private final BranchLifecycle lifecycle;
    private final SetupChecklist checklist;
    private final CallerGrants caller;

    HqBranchResource(BranchProvisioner provisioner, BranchLifecycle lifecycle, SetupChecklist checklist,
            CallerGrants caller) {
        this.provisioner = provisioner;
        this.lifecycle = lifecycle;
        this.checklist = checklist;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Onboard a branch: its schema, its registry entry and its head's login, all or nothing")
    public RestResponse<BranchView> onboard(@Valid @NotNull NewBranch request, @Context UriInfo uri) {
        Branch branch = provisioner.onboard(request, caller.username());
        return RestResponse.ResponseBuilder.<BranchView>created(uri.getAbsolutePathBuilder().path(branch.code).build())
                .entity(BranchView.of(branch, checklist.progress(branch)))
                .build();
    }

    @GET
    @Operation(summary = "Every branch with its status and set-up progress")
    public List<BranchView> list() {
        List<Branch> branches = Branch.listAll(Sort.by("code"));
        Map<String, SetupChecklist.Progress> progress = checklist.progress(branches);
        return branches.stream().map(b -> BranchView.of(b, progress.get(b.code))).toList();
    }

    @GET
    @Path("/{code}")
    public BranchView get(@PathParam("code") String code) {
        Branch branch = find(code);
        return BranchView.of(branch, checklist.progress(branch));
    }

    @POST
    @Path("/{code}/status")
    @Operation(summary = "Move a branch to ACTIVE or SUSPENDED")
    public BranchView changeStatus(@PathParam("code") String code, @Valid @NotNull StatusChange change) {
        Branch branch = lifecycle.changeStatus(code, change.status(), change.reason(), caller.username());
        return BranchView.of(branch, checklist.progress(branch));
    }

    @GET
    @Path("/{code}/setup-checklist")
    @Operation(summary = "The branch's 3-month set-up checklist (R-BRANCH-2)")
    public ChecklistView setupChecklist(@PathParam("code") String code, @Context HttpHeaders headers) {
        Branch branch = find(code);
        return ChecklistView.of(code, checklist.progress(branch), checklist.entries(code),
                Language.prefersEnglish(headers));
    }

    private static Branch find(String code) {
        return Branch.byCode(code).orElseThrow(() -> unknown(code));
    }

    static ApiProblem unknown(String code) {
        return ApiProblem.notFound("branch-not-found", "No branch " + code);
    }
}
