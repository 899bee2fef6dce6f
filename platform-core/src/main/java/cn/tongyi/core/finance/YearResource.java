package cn.tongyi.core.finance;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** R-FIN-5: the yearly result, its third-party audit report and the year's lock. */
@Path("/api/branches/{branch}/finance/years/{year}")
@Tag(name = "Finance")
@BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
public class YearResource {

    private final YearResults years;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    YearResource(YearResults years, CurrentBranch currentBranch, CallerGrants caller) {
        this.years = years;
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The year's result: net profit = income − costs (staff, site, technology, operations) − "
            + "taxes; frozen once the year is locked")
    public YearResults.YearView get(@PathParam("branch") String branch, @PathParam("year") int year) {
        return years.year(currentBranch.require(), valid(year));
    }

    @POST
    @Path("/audit-report")
    @Idempotent
    @Consumes("application/pdf")
    @Operation(summary = "Attach the third-party audit report (PDF, at most 10 MB) of a year that is over")
    public RestResponse<YearResults.AuditReport> attachAuditReport(@PathParam("branch") String branch,
            @PathParam("year") int year, @QueryParam("auditor") String auditor, byte[] content) {
        if (auditor == null || auditor.isBlank() || auditor.length() > 100) {
            throw ApiProblem.invalidField("auditor-required", "auditor", "Name the audit firm (at most 100 characters)");
        }
        UploadedFile file = UploadedFile.check("application/pdf", content, Set.of("application/pdf"),
                YearResults.MAX_AUDIT_REPORT_BYTES);
        return RestResponse.status(RestResponse.Status.CREATED, years.attachAuditReport(currentBranch.require(),
                valid(year), auditor.strip(), file, caller.username()));
    }

    @GET
    @Path("/audit-report")
    @Produces("application/pdf")
    @Operation(summary = "The year's audit report as uploaded")
    public byte[] auditReport(@PathParam("branch") String branch, @PathParam("year") int year) {
        return years.auditReportContent(currentBranch.require(), valid(year));
    }

    @POST
    @Path("/lock")
    @Idempotent
    @Operation(summary = "Lock an audited year that is over: its months close, its result is frozen, and no entry is "
            + "added to or changed in it any more")
    public RestResponse<YearResults.YearView> lock(@PathParam("branch") String branch, @PathParam("year") int year) {
        return RestResponse.ok(years.lock(currentBranch.require(), valid(year), caller.username()));
    }

    private static int valid(int year) {
        if (year < 2000 || year > 2200) {
            throw ApiProblem.invalidField("invalid-year", "year", "A year between 2000 and 2200");
        }
        return year;
    }
}
