package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.plugin.api.PluginApi;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HQ's view of the plugins: which are installed and in what state, which branches each is offered to and enabled in,
 * offering and withdrawing, and the event deliveries that kept failing, to send again once the plugin is fixed.
 */
@Path("/api/admin/plugins")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: plugins", description = "HQ: installed plugins, offers to branches, parked event deliveries")
public class HqPluginResource {

    private static final String PLUGIN_ID = "^[a-z][a-z0-9-]{1,39}$";

    private final PluginHost host;
    private final PluginEnablements enablements;
    private final EventDeliveries deliveries;
    private final CurrentPerson hq;

    HqPluginResource(PluginHost host, PluginEnablements enablements, EventDeliveries deliveries, CurrentPerson hq) {
        this.host = host;
        this.enablements = enablements;
        this.deliveries = deliveries;
        this.hq = hq;
    }

    @GET
    @Operation(summary = "The installed plugins: version, the plugin API each needs, state, offers and enablements")
    public List<PluginViews.Installed> list() {
        return host.installed().stream().map(this::view).toList();
    }

    @GET
    @Path("/{pluginId}")
    @Operation(summary = "One installed plugin")
    public PluginViews.Installed get(@PathParam("pluginId") String pluginId) {
        return view(installed(pluginId));
    }

    @PUT
    @Path("/{pluginId}/offers/{branchCode}")
    @Operation(summary = "Offer the plugin to a branch, whose head may then switch it on; 201 when new, 200 if it "
            + "already was")
    public RestResponse<PluginViews.Installed> offer(@PathParam("pluginId") String pluginId,
            @PathParam("branchCode") String branchCode) {
        InstalledPlugin plugin = installed(pluginId);
        if (!plugin.active()) {
            throw ApiProblem.conflict("plugin-not-active", "The plugin " + pluginId + " is " + plugin.state()
                    + ": " + plugin.reason());
        }
        BranchCode branch = branch(branchCode);
        boolean offered = QuarkusTransaction.requiringNew().call(
                () -> enablements.offer(pluginId, branch, hq.require().username));
        return RestResponse.status(offered ? RestResponse.Status.CREATED : RestResponse.Status.OK, view(plugin));
    }

    @DELETE
    @Path("/{pluginId}/offers/{branchCode}")
    @Operation(summary = "Withdraw the offer: the plugin is switched off in the branch; its data there stays")
    public PluginViews.Installed withdraw(@PathParam("pluginId") String pluginId,
            @PathParam("branchCode") String branchCode) {
        BranchCode branch = branch(branchCode);
        boolean withdrawn = QuarkusTransaction.requiringNew().call(
                () -> enablements.withdraw(pluginId, branch, hq.require().username));
        if (!withdrawn) {
            throw ApiProblem.notFound("offer-not-found", "The plugin " + pluginId + " is not offered to " + branchCode);
        }
        return host.installed(pluginId).map(this::view).orElseGet(() -> missing(pluginId));
    }

    @GET
    @Path("/{pluginId}/changes")
    @Operation(summary = "Every change of the plugin in a branch, newest first")
    public List<PluginEnablements.Change> changes(@PathParam("pluginId") String pluginId,
            @QueryParam("branch") String branchCode) {
        return enablements.changes(pluginId, branch(branchCode));
    }

    @GET
    @Path("/deliveries/parked")
    @Operation(summary = "Event deliveries that kept failing and wait for HQ, oldest first")
    public List<EventDeliveries.Delivery> parked(@QueryParam("plugin") @Pattern(regexp = PLUGIN_ID) String pluginId) {
        return deliveries.parked(pluginId);
    }

    @POST
    @Path("/{pluginId}/deliveries/{eventId}/redelivery")
    @Operation(summary = "Send a parked event to the plugin again, now")
    public RestResponse<Void> redeliver(@PathParam("pluginId") String pluginId, @PathParam("eventId") UUID eventId) {
        if (!deliveries.redeliver(eventId, pluginId)) {
            throw ApiProblem.notFound("delivery-not-parked", "No parked delivery of event " + eventId + " to "
                    + pluginId);
        }
        return RestResponse.accepted();
    }

    private InstalledPlugin installed(String pluginId) {
        return host.installed(pluginId).orElseThrow(() -> ApiProblem.notFound("plugin-not-found",
                "No plugin " + pluginId + " is installed"));
    }

    private static BranchCode branch(String code) {
        if (code == null || !BranchCode.isValid(code) || Branch.byCode(code).isEmpty()) {
            throw ApiProblem.notFound("branch-not-found", "No branch " + code);
        }
        return new BranchCode(code);
    }

    private PluginViews.Installed view(InstalledPlugin plugin) {
        return new PluginViews.Installed(plugin.id(), plugin.version(), plugin.requires(), PluginApi.VERSION,
                plugin.state(), plugin.reason(), plugin.description(), enablements.branchesOffered(plugin.id()),
                enablements.branchesEnabling(plugin.id()));
    }

    private PluginViews.Installed missing(String pluginId) {
        return new PluginViews.Installed(pluginId, null, null, PluginApi.VERSION, PluginStatus.MISSING,
                "Its jar is not in the plugins folder", null, enablements.branchesOffered(pluginId),
                enablements.branchesEnabling(pluginId));
    }
}
