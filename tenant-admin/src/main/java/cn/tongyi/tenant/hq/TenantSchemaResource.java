package cn.tongyi.tenant.hq;

import cn.tongyi.tenant.provisioning.BranchSchemaVersions;
import cn.tongyi.tenant.provisioning.TenantSchemaUpgrade;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HQ's handle on schema upgrades; the same upgrade runs as the one-shot {@code migrate} command. */
@Path("/api/admin/tenant-schemas")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: branches")
public class TenantSchemaResource {

    private final TenantSchemaUpgrade upgrade;
    private final BranchSchemaVersions versions;

    TenantSchemaResource(TenantSchemaUpgrade upgrade, BranchSchemaVersions versions) {
        this.upgrade = upgrade;
        this.versions = versions;
    }

    @GET
    @Operation(summary = "Every branch's schema version and the outcome of its last upgrade, failures with their error")
    public List<BranchSchemaView> list() {
        Map<String, BranchSchemaVersions.Recorded> recorded = versions.all();
        return Branch.<Branch>listAll(Sort.by("code")).stream()
                .map(branch -> BranchSchemaView.of(branch.code, recorded.get(branch.code))).toList();
    }

    @POST
    @Path("/upgrade")
    @Operation(summary = "Upgrade every branch schema; the report lists each branch and any failure")
    public TenantSchemaUpgrade.Report upgradeAll() {
        return upgrade.upgradeAll();
    }

    @POST
    @Path("/{code}/upgrade")
    @Operation(summary = "Upgrade one branch's schema again, e.g. after its upgrade failed")
    public BranchSchemaView upgradeOne(@PathParam("code") String code) {
        Branch branch = Branch.byCode(code).orElseThrow(() -> HqBranchResource.unknown(code));
        upgrade.upgrade(new BranchCode(branch.code));
        return BranchSchemaView.of(branch.code, versions.all().get(branch.code));
    }
}
