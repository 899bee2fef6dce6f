package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.provisioning.TenantSchemaUpgrade;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HQ's handle on schema upgrades; the same operation runs as the one-shot {@code migrate} command. */
@Path("/api/admin/tenant-schemas")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: branches")
public class TenantSchemaResource {

    private final TenantSchemaUpgrade upgrade;

    TenantSchemaResource(TenantSchemaUpgrade upgrade) {
        this.upgrade = upgrade;
    }

    @POST
    @Path("/upgrade")
    @Operation(summary = "Upgrade every branch schema; the report lists each branch and any failure")
    public TenantSchemaUpgrade.Report upgradeAll() {
        return upgrade.upgradeAll();
    }
}
