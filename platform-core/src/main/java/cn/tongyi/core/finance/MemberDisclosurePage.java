package cn.tongyi.core.finance;

import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.member.MemberWords;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The branch's published monthly accounts (R-FIN-3) as the members read them: income by source, expenses by item,
 * what is left, later corrections, in yuan; the latest month unless another published one is chosen. Read-only.
 */
@Path("/m/{branch}/disclosure")
@Produces(PageErrors.HTML)
public class MemberDisclosurePage {

    @TemplateData
    public record Line(String label, String yuan) {
    }

    @TemplateData
    public record Month(String month, String label) {
    }

    @Inject
    @Location("finance/member-disclosure.html")
    Template disclosure;

    private final DisclosureResource api;
    private final MemberPages pages;

    MemberDisclosurePage(DisclosureResource api, MemberPages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("month") String month) {
        Page page = pages.page("member.disclosure.title");
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern(page.t("member.words.monthFormat"), page.locale());
        List<Month> months = api.list(branch).stream()
                .map(m -> new Month(m.month(), monthFormat.format(YearMonth.parse(m.month())))).toList();
        String shown = month != null ? month : months.isEmpty() ? null : months.get(0).month();
        TemplateInstance view = disclosure.data("page", page).data("branch", branch).data("months", months)
                .data("published", null);
        if (shown == null) {
            return view.render();
        }
        Disclosures.Published published = api.get(branch, shown, null);
        Disclosures.Figures figures = published.figures();
        CashBook.Totals totals = figures.totals();
        return view.data("published", published)
                .data("monthLabel", monthFormat.format(YearMonth.parse(published.month())))
                .data("publishedOn", MemberWords.day(page, published.publishedAt()))
                .data("dueBy", page.t("member.disclosure.dueBy", MemberWords.day(page, published.dueBy())))
                .data("income", lines(totals.income(), page))
                .data("incomeTotal", Yuan.of(totals.incomeFen()))
                .data("expenses", lines(totals.expenses(), page))
                .data("expensesTotal", Yuan.of(totals.expensesFen()))
                .data("net", Yuan.of(totals.netFen()))
                .data("corrections", figures.laterCorrections().stream()
                        .map(c -> new Line(page.t("member.disclosure.category." + c.category()) + " · "
                                + c.description(), Yuan.of(c.amountFen()))).toList())
                .data("correctedNet", Yuan.of(figures.correctedNetFen()))
                .data("pdf", "/api/branches/" + branch + "/finance/disclosures/" + published.month()
                        + "/notice.pdf?revision=" + published.revision())
                .render();
    }

    private static List<Line> lines(List<CashBook.Line> lines, Page page) {
        return lines.stream().map(l -> new Line(page.t("member.disclosure.category." + l.category()),
                Yuan.of(l.amountFen()))).toList();
    }
}
