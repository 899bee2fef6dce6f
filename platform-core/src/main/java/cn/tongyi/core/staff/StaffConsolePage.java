package cn.tongyi.core.staff;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The staff console's start page: what the caller's roles in the branch let them do. */
@Path("/s/{branch}")
@Produces(PageErrors.HTML)
public class StaffConsolePage {

    @Inject
    @Location("staff/console.html")
    Template console;

    private final ConsolePages pages;

    StaffConsolePage(ConsolePages pages) {
        this.pages = pages;
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(hidden = true)
    public String home(@PathParam("branch") String branch) {
        return console.data("page", pages.page("staff.console.title")).data("menu", pages.menu()).render();
    }
}
