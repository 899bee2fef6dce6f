package cn.tongyi.core.plugin;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The HQ console's plugins: each installed plugin with its state, the branches it is offered to and enabled in, and
 * forms to offer it to a branch or withdraw the offer, through the same rules as the HQ plugin API. Offering or
 * withdrawing twice changes nothing the second time.
 */
@Path("/hq/plugins")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqPluginsPage {

    @Inject
    @Location("hq/plugins.html")
    Template template;

    private final HqPluginResource plugins;
    private final PageContext pages;
    private final CallerGrants caller;

    HqPluginsPage(HqPluginResource plugins, PageContext pages, CallerGrants caller) {
        this.plugins = plugins;
        this.pages = pages;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public String list() {
        return template.data("page", pages.page("hq.plugins.title", false, caller.username()))
                .data("plugins", plugins.list())
                .data("branches", Branch.<Branch>listAll(Sort.by("code")))
                .render();
    }

    @POST
    @Path("/{pluginId}/offers")
    @Operation(hidden = true)
    public Response offer(@PathParam("pluginId") String pluginId, @RestForm String branch) {
        plugins.offer(pluginId, branch == null ? "" : branch.strip());
        return Response.seeOther(URI.create("/hq/plugins")).build();
    }

    @POST
    @Path("/{pluginId}/offers/{branch}/withdrawal")
    @Operation(hidden = true)
    public Response withdraw(@PathParam("pluginId") String pluginId, @PathParam("branch") String branch) {
        if (plugins.get(pluginId).offeredTo().contains(branch)) {
            plugins.withdraw(pluginId, branch);
        }
        return Response.seeOther(URI.create("/hq/plugins")).build();
    }
}
