package cn.tongyi.core.finance;

import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-FIN-4: the quarter's books for its supervision group (co-creation members, role MEMBER, who sit on the group), and
 * the group's signed report. Staff read the report; HQ sees which branches filed (/api/admin/finance).
 */
@Path("/api/branches/{branch}/finance/supervision/{quarter}")
@Tag(name = "Finance")
public class SupervisionResource {

    public record Books(String quarter, CashBook.Totals totals, List<CashBook.Entry> entries,
            List<Expenses.ExpenseView> expenses) {
    }

    public record Filing(@NotBlank @Size(max = 4000) String findings, @NotNull SupervisionReports.Result result) {
    }

    private final SupervisionReports reports;
    private final CashBook book;
    private final Expenses expenses;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;

    SupervisionResource(SupervisionReports reports, CashBook book, Expenses expenses, CurrentBranch currentBranch,
            CallerGrants caller, CurrentPerson person) {
        this.reports = reports;
        this.book = book;
        this.expenses = expenses;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
    }

    @GET
    @Path("/books")
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "The quarter's cash book, totals and expenses with their approvals, for its supervision group")
    public Books books(@PathParam("branch") String branch, @PathParam("quarter") String quarter) {
        Quarter q = Quarter.parse(quarter);
        reports.requireSupervisor(currentBranch.require(), person.id(), q);
        List<Expenses.ExpenseView> requested = expenses.list(currentBranch.require(), null, null, Integer.MAX_VALUE)
                .stream().filter(e -> q.contains(e.requestedAt().atZoneSameInstant(BusinessClock.ZONE)
                        .toLocalDate()) || (e.payment() != null && q.contains(e.payment().bookedOn()))).toList();
        return new Books(q.toString(), book.totals(currentBranch.require(), q.firstDay(), q.lastDay()),
                book.entries(currentBranch.require(), q.firstDay(), q.lastDay()), requested);
    }

    @POST
    @Path("/report")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "File the quarter's report (findings, result) as a member of its group, once the quarter is "
            + "over; filing signs it")
    public RestResponse<SupervisionReports.Report> file(@PathParam("branch") String branch,
            @PathParam("quarter") String quarter, @Valid @NotNull Filing filing) {
        return RestResponse.status(RestResponse.Status.CREATED, reports.file(currentBranch.require(),
                Quarter.parse(quarter), filing.findings().strip(), filing.result(), person.id(), caller.username()));
    }

    @POST
    @Path("/report/signatures")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Sign the filed report as another member of the group")
    public RestResponse<SupervisionReports.Report> sign(@PathParam("branch") String branch,
            @PathParam("quarter") String quarter) {
        return RestResponse.status(RestResponse.Status.CREATED,
                reports.sign(currentBranch.require(), Quarter.parse(quarter), person.id()));
    }

    @GET
    @Path("/report")
    @BranchRoles({Role.MEMBER, Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "The quarter's report and its signatures")
    public SupervisionReports.Report report(@PathParam("branch") String branch, @PathParam("quarter") String quarter) {
        return reports.report(currentBranch.require(), Quarter.parse(quarter)).orElseThrow(() -> ApiProblem
                .notFound("report-not-found", "No report of " + quarter + " is filed yet"));
    }
}
