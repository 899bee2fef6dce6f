package cn.tongyi.core.compliance;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-COMPLIANCE-5: HQ sees every ACTIVE branch's self-check of a month, overdue findings highlighted. */
@Path("/api/admin/compliance")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: compliance")
public class HqComplianceResource {

    public record BranchResult(String branch, String month, boolean run, long findings, long pending, long overdue,
            List<Compliance.Item> items) {
    }

    private final Compliance compliance;
    private final BusinessClock clock;

    HqComplianceResource(Compliance compliance, BusinessClock clock) {
        this.compliance = compliance;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Each ACTIVE branch's self-check of a month (default last month): findings, items still to "
            + "sign, overdue findings")
    public List<BranchResult> results(@QueryParam("month") String month) {
        YearMonth m = month != null ? ComplianceResource.month(month) : YearMonth.from(clock.today()).minusMonths(1);
        List<Branch> branches = Branch.list("status", Sort.by("code"), BranchStatus.ACTIVE);
        return branches.stream().map(branch -> {
            List<Compliance.Item> items = compliance.items(branch.branchCode(), m);
            return new BranchResult(branch.code, m.toString(), !items.isEmpty(),
                    items.stream().filter(i -> "FINDING".equals(i.status())).count(),
                    items.stream().filter(i -> "PENDING".equals(i.status())).count(),
                    items.stream().filter(Compliance.Item::overdue).count(), items);
        }).toList();
    }
}
