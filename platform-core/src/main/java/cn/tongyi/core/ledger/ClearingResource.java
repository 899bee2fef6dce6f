package cn.tongyi.core.ledger;

import cn.tongyi.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HQ's view of points moving between branches (R-LEDGER-2). Figures only, never members' names. */
@Path("/api/admin/ledger")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: ledger")
public class ClearingResource {

    private final ClearingReport report;

    ClearingResource(ClearingReport report) {
        this.report = report;
    }

    @GET
    @Path("/clearing")
    @Operation(summary = "Per pair of branches: points members of each spent in the other in a month (YYYY-MM, "
            + "Asia/Shanghai), from service payments and redemptions only, and the net owed and by whom")
    public ClearingReport.Report clearing(@QueryParam("month") String month) {
        try {
            return report.of(YearMonth.parse(month == null ? "" : month));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-month", "Give month=YYYY-MM, e.g. month=2026-11");
        }
    }
}
