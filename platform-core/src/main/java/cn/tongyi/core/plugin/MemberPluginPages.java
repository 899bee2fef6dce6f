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

/** Plugins' pages in the member app, {@code /m/{branch}/plugins/{pluginId}/…}, for the branch's members. */
@Path("/m/{branch}/plugins/{pluginId}")
@Produces(PageErrors.HTML)
public class MemberPluginPages {

    private final PluginPageView view;

    MemberPluginPages(PluginPageView view) {
        this.view = view;
    }

    @GET
    @Path("/{path: .+}")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String page(@PathParam("pluginId") String pluginId, @PathParam("path") String path, @Context UriInfo uri) {
        return view.show(Audience.MEMBER, pluginId, path, uri);
    }
}
