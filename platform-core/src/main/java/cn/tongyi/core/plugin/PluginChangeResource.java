package cn.tongyi.core.plugin;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The record of a plugin's changes in the branch; outside {@code /plugins/{pluginId}/}, which is the plugin's. */
@Path("/api/branches/{branch}/plugin-changes/{pluginId}")
@Tag(name = "Branch plugins")
public class PluginChangeResource {

    private final PluginEnablements enablements;
    private final CurrentBranch currentBranch;

    PluginChangeResource(PluginEnablements enablements, CurrentBranch currentBranch) {
        this.enablements = enablements;
        this.currentBranch = currentBranch;
    }

    @GET
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Every change of the plugin in the branch, newest first: who, when, before and after")
    public List<PluginEnablements.Change> changes(@PathParam("branch") String branch,
            @PathParam("pluginId") String pluginId) {
        BranchPluginResource.offered(enablements, currentBranch.require(), pluginId);
        return enablements.changes(pluginId, currentBranch.require());
    }
}
