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
import io.quarkus.qute.TemplateData;
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
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * R-FIN-3 in the console: last month's accounts published (closing its books), later corrections published as
 * revisions with their reason, every published month with its revisions and the printable notice-board PDF.
 */
@Path("/s/{branch}/finance/disclosures")
@Produces(PageErrors.HTML)
public class DisclosuresPage {

    @TemplateData
    public record RevisionRow(int revision, String publishedBy, String when, boolean late, String reason, String pdf) {
    }

    @TemplateData
    public record MonthRow(String month, String monthWords, String income, String expenses, String net,
            String dueBy, List<RevisionRow> revisions) {
    }

    @Inject
    @Location("finance/disclosures.html")
    Template disclosuresPage;

    private final Disclosures disclosures;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final PageWrites writes;
    private final ConsolePages pages;
    private final BusinessClock clock;

    DisclosuresPage(Disclosures disclosures, CurrentBranch currentBranch, CallerGrants caller, PageWrites writes,
            ConsolePages pages, BusinessClock clock) {
        this.disclosures = disclosures;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.writes = writes;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public String list(@PathParam("branch") String branch, @QueryParam(ConsolePages.PROBLEM) String problem,
            @QueryParam("done") String done) {
        Page page = pages.page("finance.disclosures.title");
        var here = currentBranch.require();
        YearMonth last = YearMonth.from(clock.today()).minusMonths(1);
        List<MonthRow> months = disclosures.months(here).stream().map(m -> month(YearMonth.parse(m), page)).toList();
        boolean lastPublished = months.stream().anyMatch(m -> m.month().equals(last.toString()));
        return disclosuresPage.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("last", last.toString()).data("lastWords", FinanceWords.month(last, page))
                .data("lastDue", FinanceWords.day(Disclosures.dueBy(last), page))
                .data("lastPublished", lastPublished).data("months", months)
                .data("done", FinanceWords.done(done, page))
                .data("problem", pages.problemText(page, problem)).render();
    }

    /** The first publication of a month, or a revision of it, which must say what it corrects. */
    @POST
    @Path("/{month}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public Response publish(@PathParam("branch") String branch, @PathParam("month") String month,
            @RestForm String idempotencyKey, @RestForm String reason) {
        try {
            YearMonth shown = CashBookResource.month(month);
            String why = FinanceWords.text(reason);
            if (why != null && why.length() > 200) {
                throw ApiProblem.invalidField("invalid-request", "reason", "At most 200 characters");
            }
            return writes.once(idempotencyKey, new Object[] {shown, why}, () -> {
                disclosures.publish(currentBranch.require(), shown, why, caller.username());
                return URI.create(pages.base() + "/finance/disclosures?done=published");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance/disclosures", problem);
        }
    }

    private MonthRow month(YearMonth month, Page page) {
        Disclosures.Published latest = disclosures.published(currentBranch.require(), month, null);
        Disclosures.Figures figures = latest.figures();
        String pdf = pages.apiBase() + "/finance/disclosures/" + month + "/notice.pdf?revision=";
        return new MonthRow(month.toString(), FinanceWords.month(month, page),
                Yuan.of(figures.correctedIncomeFen()), Yuan.of(figures.correctedExpensesFen()),
                Yuan.of(figures.correctedNetFen()), FinanceWords.day(latest.dueBy(), page),
                latest.revisions().stream().map(r -> new RevisionRow(r.revision(), FinanceWords.person(r.publishedBy()),
                        FinanceWords.when(r.publishedAt(), page), r.late(), r.reason(), pdf + r.revision())).toList());
    }
}
