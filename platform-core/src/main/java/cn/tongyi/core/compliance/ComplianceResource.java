package cn.tongyi.core.compliance;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** R-COMPLIANCE-1..5: the branch's monthly self-check: automatic items, the signed checklist, fixes of findings. */
@Path("/api/branches/{branch}/compliance/{month}")
@Tag(name = "Compliance self-check")
public class ComplianceResource {

    public record Signature(@NotNull Boolean passed, @Size(max = 1000) String detail) {
    }

    private final Compliance compliance;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    ComplianceResource(Compliance compliance, CurrentBranch currentBranch, CallerGrants caller) {
        this.compliance = compliance;
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "The month's self-check: each item with its rule, owner, status, fix deadline and overdue flag")
    public List<Compliance.Item> items(@PathParam("branch") String branch, @PathParam("month") String month) {
        return compliance.items(currentBranch.require(), month(month));
    }

    @POST
    @Path("/runs")
    @Idempotent
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Run (or re-run) the automatic checks of a month that is over and open its checklist")
    public RestResponse<List<Compliance.Item>> run(@PathParam("branch") String branch,
            @PathParam("month") String month) {
        return RestResponse.ok(compliance.run(currentBranch.require(), month(month)));
    }

    @POST
    @Path("/items/{item}/signature")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "Sign a checklist item as its owner (or the head): passed, or a finding with what was found")
    public RestResponse<List<Compliance.Item>> sign(@PathParam("branch") String branch,
            @PathParam("month") String month, @PathParam("item") ComplianceItem item,
            @Valid @NotNull Signature signature) {
        return RestResponse.ok(compliance.sign(currentBranch.require(), month(month), item, signature.passed(),
                signature.detail(), currentBranch.roles(), caller.username()));
    }

    @POST
    @Path("/items/{item}/fix")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "Record that a finding was fixed (late when after its fix deadline)")
    public RestResponse<List<Compliance.Item>> fix(@PathParam("branch") String branch,
            @PathParam("month") String month, @PathParam("item") ComplianceItem item) {
        return RestResponse.ok(compliance.fix(currentBranch.require(), month(month), item, currentBranch.roles(),
                caller.username()));
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("invalid-month", "month", "A month is YYYY-MM");
        }
    }
}
