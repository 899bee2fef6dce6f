package cn.tongyi.core.branch;

import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.setup.ChecklistView;
import cn.tongyi.tenant.setup.SetupChecklist;
import cn.tongyi.tenant.setup.SetupItem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/** R-BRANCH-2: the branch head's set-up checklist, each item with its requirement, ticked with a note. */
@Path("/s/{branch}/setup")
@Produces(PageErrors.HTML)
@BranchRoles(Role.BRANCH_HEAD)
public class SetupChecklistPage {

    @Inject
    @Location("branch/setup.html")
    Template setup;

    private final SetupChecklist checklist;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final ConsolePages pages;

    SetupChecklistPage(SetupChecklist checklist, CurrentBranch currentBranch, CallerGrants caller,
            ConsolePages pages) {
        this.checklist = checklist;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public String checklist(@PathParam("branch") String branch) {
        Page page = pages.page("staff.setup.title");
        Branch registered = Branch.byCode(branch).orElseThrow();
        ChecklistView view = ChecklistView.of(branch, checklist.progress(registered), checklist.entries(branch),
                page.english());
        return setup.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("progress", view.progress()).data("items", view.items())
                .data("progressText", page.t("staff.setup.progress", view.progress().done(), view.progress().total())
                        + page.t("staff.setup.dueBy", view.progress().dueDate()))
                .render();
    }

    @POST
    @Path("/{item}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response tick(@PathParam("branch") String branch, @PathParam("item") SetupItem item,
            @RestForm String done, @RestForm String note) {
        String kept = note == null || note.isBlank() ? null : note.strip();
        checklist.tick(currentBranch.require(), item, "true".equals(done),
                kept != null && kept.length() > 500 ? kept.substring(0, 500) : kept, caller.username());
        return pages.seeOther("/setup#" + item);
    }
}
