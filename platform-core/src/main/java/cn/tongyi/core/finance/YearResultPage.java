package cn.tongyi.core.finance;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * R-FIN-5 in the console: a year's result (income, costs, taxes, net profit, by source and by item), its third-party
 * audit report and the year's lock, after which the result is frozen and the dividends can be computed from it.
 */
@Path("/s/{branch}/finance/year")
@Produces(PageErrors.HTML)
@BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
public class YearResultPage {

    @Inject
    @Location("finance/year.html")
    Template yearPage;

    private final YearResults years;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final PageWrites writes;
    private final ConsolePages pages;
    private final BusinessClock clock;

    YearResultPage(YearResults years, CurrentBranch currentBranch, CallerGrants caller, PageWrites writes,
            ConsolePages pages, BusinessClock clock) {
        this.years = years;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.writes = writes;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public String year(@PathParam("branch") String branch, @QueryParam("year") Integer year,
            @QueryParam(ConsolePages.PROBLEM) String problem, @QueryParam("done") String done) {
        Page page = pages.page("finance.year.title");
        int shown = year == null || year < 2000 || year > 2200 ? clock.today().getYear() : year;
        YearResults.YearView view = years.year(currentBranch.require(), shown);
        YearResults.Result result = view.result();
        return yearPage.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("apiBase", pages.apiBase()).data("year", shown).data("yearText", String.valueOf(shown))
                .data("previous", String.valueOf(shown - 1)).data("next", String.valueOf(shown + 1))
                .data("over", shown < clock.today().getYear())
                .data("income", Yuan.of(result.incomeFen()))
                .data("costs", Yuan.of(result.costsFen()))
                .data("taxes", Yuan.of(result.taxesFen()))
                .data("net", Yuan.of(result.netProfitFen()))
                .data("bySource", result.totals().income().stream().map(l -> CashBookPage.total(true, l, page))
                        .toList())
                .data("byItem", result.totals().expenses().stream().map(l -> CashBookPage.total(false, l, page))
                        .toList())
                .data("locked", view.locked()).data("lockedBy", FinanceWords.person(view.lockedBy()))
                .data("lockedAt", FinanceWords.when(view.lockedAt(), page))
                .data("audited", view.auditReport() != null)
                .data("auditor", view.auditReport() == null ? "" : view.auditReport().auditor())
                .data("auditAt", view.auditReport() == null ? "" : FinanceWords.when(view.auditReport().uploadedAt(),
                        page))
                .data("done", FinanceWords.done(done, page))
                .data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @Path("/{year}/audit-report")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response attachAuditReport(@PathParam("branch") String branch, @PathParam("year") int year,
            @RestForm String idempotencyKey, @RestForm String auditor, @RestForm("report") FileUpload report) {
        String back = "/finance/year?year=" + year;
        try {
            String firm = FinanceWords.text(auditor);
            if (firm == null || firm.length() > 100) {
                throw ApiProblem.invalidField("auditor-required", "auditor", "Name the audit firm");
            }
            if (report == null || report.size() == 0) {
                throw ApiProblem.badRequest("file-empty", "Choose the audit report");
            }
            UploadedFile file = UploadedFile.check("application/pdf", content(report), Set.of("application/pdf"),
                    YearResults.MAX_AUDIT_REPORT_BYTES);
            return writes.once(idempotencyKey, new Object[] {year, firm, file.sha256()}, () -> {
                years.attachAuditReport(currentBranch.require(), year, firm, file, caller.username());
                return URI.create(pages.base() + back + "&done=audit");
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    @POST
    @Path("/{year}/lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response lock(@PathParam("branch") String branch, @PathParam("year") int year,
            @RestForm String idempotencyKey) {
        String back = "/finance/year?year=" + year;
        try {
            return writes.once(idempotencyKey, new Object[] {year}, () -> {
                years.lock(currentBranch.require(), year, caller.username());
                return URI.create(pages.base() + back + "&done=locked");
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    static byte[] content(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
