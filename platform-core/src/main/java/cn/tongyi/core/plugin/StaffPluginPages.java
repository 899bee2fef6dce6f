package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ui.PageErrors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Plugins' pages in the staff console, {@code /s/{branch}/plugins/{pluginId}/…}, for the branch's staff and its
 * merchants' logins; each page names which of them may open it.
 */
@Path("/s/{branch}/plugins/{pluginId}")
@Produces(PageErrors.HTML)
public class StaffPluginPages {

    private final PluginPageView view;

    StaffPluginPages(PluginPageView view) {
        this.view = view;
    }

    @GET
    @Path("/{path: .+}")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.MERCHANT, Role.GOV_VIEWER})
    @Operation(hidden = true)
    public String page(@PathParam("pluginId") String pluginId, @PathParam("path") String path, @Context UriInfo uri) {
        return view.show(Audience.STAFF, pluginId, path, uri);
    }
}
