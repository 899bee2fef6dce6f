package cn.tongyi.core.plugin;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The plugins HQ offers to a branch, which its head switches on or off and configures. Switching on creates or updates
 * the plugin's tables in the branch's schema first; switching off keeps them and their data, for when it comes back.
 * Everything below {@code /plugins/{pluginId}/} is the plugin's own ({@link PluginDispatchResource}).
 */
@Path("/api/branches/{branch}/plugins")
@Tag(name = "Branch plugins", description = "The plugins offered to the branch: switch them on or off, set them up")
public class BranchPluginResource {

    /** What the branch head asks for; settings left out keep their stored values. */
    public record Change(@NotNull Boolean enabled, @Size(max = 50) Map<String, String> settings) {
    }

    private final PluginHost host;
    private final PluginEnablements enablements;
    private final PluginSchemas schemas;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    BranchPluginResource(PluginHost host, PluginEnablements enablements, PluginSchemas schemas,
            CurrentBranch currentBranch, CallerGrants caller) {
        this.host = host;
        this.enablements = enablements;
        this.schemas = schemas;
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "The plugins offered to the branch, whether each is on, and its settings")
    public List<PluginViews.InBranch> list(@PathParam("branch") String branch) {
        return enablements.ofBranch(currentBranch.require()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{pluginId}")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "One plugin offered to the branch")
    public PluginViews.InBranch get(@PathParam("branch") String branch, @PathParam("pluginId") String pluginId) {
        return view(offered(pluginId));
    }

    @PUT
    @Path("/{pluginId}")
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Switch the plugin on or off and set its settings; switching on creates its tables here")
    public PluginViews.InBranch change(@PathParam("branch") String branch, @PathParam("pluginId") String pluginId,
            @Valid @NotNull Change change) {
        BranchCode code = currentBranch.require();
        PluginEnablements.Enablement before = offered(pluginId);
        InstalledPlugin plugin = host.installed(pluginId).orElseThrow(() -> notOffered(pluginId));
        if (change.enabled() && !plugin.active()) {
            throw ApiProblem.conflict("plugin-not-active", "The plugin " + pluginId + " is " + plugin.state()
                    + " on this platform and cannot be switched on: " + plugin.reason());
        }
        Map<String, String> settings = change.settings() == null ? before.settings()
                : SettingsValidation.validated(plugin.settings(), change.settings());
        if (change.enabled()) {
            // Liquibase commits as it goes; the switch is stored only once the tables exist
            schemas.migrate(plugin, code);
        }
        return view(QuarkusTransaction.requiringNew().call(() -> enablements.switchTo(
                enablements.of(pluginId, code).orElseThrow(() -> notOffered(pluginId)), change.enabled(), settings,
                caller.username())));
    }

    static PluginEnablements.Enablement offered(PluginEnablements enablements, BranchCode branch, String pluginId) {
        return enablements.of(pluginId, branch).orElseThrow(() -> notOffered(pluginId));
    }

    private PluginEnablements.Enablement offered(String pluginId) {
        return offered(enablements, currentBranch.require(), pluginId);
    }

    private PluginViews.InBranch view(PluginEnablements.Enablement enablement) {
        InstalledPlugin plugin = host.installed(enablement.pluginId()).orElse(null);
        return new PluginViews.InBranch(enablement.pluginId(), plugin == null ? null : plugin.version(),
                plugin == null ? null : plugin.description(), plugin == null ? PluginStatus.MISSING : plugin.state(),
                enablement.enabled(), plugin == null ? List.of()
                        : plugin.settings().stream().map(d -> PluginViews.Setting.of(d, enablement.settings()))
                                .toList());
    }

    static ApiProblem notOffered(String pluginId) {
        return ApiProblem.notFound("plugin-not-found", "No plugin " + pluginId + " offered to this branch");
    }
}
