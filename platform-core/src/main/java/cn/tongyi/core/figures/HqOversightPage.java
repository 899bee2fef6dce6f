package cn.tongyi.core.figures;

import cn.tongyi.core.compliance.HqComplianceResource;
import cn.tongyi.core.deadline.HqOverdueResource;
import cn.tongyi.core.finance.HqFinanceResource;
import cn.tongyi.core.finance.Yuan;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The HQ console's oversight of every branch: items past their deadlines, last month's compliance self-checks, monthly
 * disclosures missing or late, and the expenses above 500.00 branches reported (R-FIN-2), each read from the HQ API.
 */
@Path("/hq/oversight")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqOversightPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A reported expense as the page shows it: the amount in yuan, the time on the business clock. */
    public record ExpenseRow(String branch, String item, String yuan, String tier, String requestedBy,
            String requestedAt, boolean paid) {
    }

    /** An overdue item with its due time on the business clock. */
    public record OverdueRow(String branch, String clock, String item, String dueAt, String owner) {
    }

    /** A monthly disclosure missing or late, in words. */
    public record DisclosureRow(String branch, String month, String dueBy, String state) {
    }

    @Inject
    @Location("hq/oversight.html")
    Template template;

    private final HqOverdueResource overdue;
    private final HqComplianceResource compliance;
    private final HqFinanceResource finance;
    private final PageContext pages;
    private final CallerGrants caller;

    HqOversightPage(HqOverdueResource overdue, HqComplianceResource compliance, HqFinanceResource finance,
            PageContext pages, CallerGrants caller) {
        this.overdue = overdue;
        this.compliance = compliance;
        this.finance = finance;
        this.pages = pages;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public String show() {
        Page page = pages.page("hq.oversight.title", false, caller.username());
        List<OverdueRow> late = overdue.list().stream().map(o -> new OverdueRow(o.branch(),
                page.t("hq.oversight.clock." + o.clock()), o.item(), when(o.dueAt()),
                page.t("staff.role." + o.owner().name()))).toList();
        List<ExpenseRow> expenses = finance.reportedExpenses(null, null).stream().map(e -> new ExpenseRow(e.branch(),
                page.t("finance.item." + e.item()), Yuan.of(e.amountFen()), page.t("finance.tier." + e.tier()),
                e.requestedBy(), when(e.requestedAt()), e.paid())).toList();
        return template.data("page", page)
                .data("overdue", late)
                .data("compliance", compliance.results(null))
                .data("disclosures", finance.disclosureFlags().stream().map(d -> new DisclosureRow(d.branch(),
                        d.month(), d.dueBy().toString(), page.t("hq.oversight." + d.flag()))).toList())
                .data("expenses", expenses)
                .render();
    }

    private static String when(OffsetDateTime time) {
        return WHEN.format(time.atZoneSameInstant(BusinessClock.ZONE));
    }
}
