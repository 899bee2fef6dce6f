package cn.tongyi.core.finance;

import cn.tongyi.core.identity.CurrentPerson;
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
import jakarta.validation.Validator;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * R-FIN-1 in the console: a month of the cash book (every entry, totals by source and by item), income recorded by
 * hand, the cash not yet handed over with the finance officer's confirmation, and the exports of the month.
 */
@Path("/s/{branch}/finance")
@Produces(PageErrors.HTML)
public class CashBookPage {

    @TemplateData
    public record EntryRow(UUID id, boolean correctable, String day, String kind, String category, String amount,
            boolean income, String channel, String reference, String description, String recordedBy) {
    }

    @TemplateData
    public record TotalRow(String label, String amount) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    @TemplateData
    public record CashRow(UUID incomeId, String takenOn, String source, String amount, String reference,
            boolean overdue) {
    }

    @TemplateData
    public record HolderRow(String holder, String name, String amount, String overdueAmount, boolean overdue,
            List<CashRow> lines) {
    }

    @Inject
    @Location("finance/cash-book.html")
    Template cashBook;

    private final CashBook book;
    private final CashHandovers handovers;
    private final FinancePeriods periods;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final PageWrites writes;
    private final Validator validator;
    private final ConsolePages pages;
    private final BusinessClock clock;

    CashBookPage(CashBook book, CashHandovers handovers, FinancePeriods periods, CurrentBranch currentBranch,
            CallerGrants caller, CurrentPerson person, PageWrites writes, Validator validator, ConsolePages pages,
            BusinessClock clock) {
        this.book = book;
        this.handovers = handovers;
        this.periods = periods;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
        this.writes = writes;
        this.validator = validator;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public String month(@PathParam("branch") String branch, @QueryParam("month") String month,
            @QueryParam(ConsolePages.PROBLEM) String problem, @QueryParam("done") String done) {
        Page page = pages.page("finance.cashBook.title");
        YearMonth shown = YearMonth.from(clock.today());
        try {
            shown = month == null || month.isBlank() ? shown : CashBookResource.month(month);
        } catch (ApiProblem refused) {
            problem = refused.slug();
        }
        var here = currentBranch.require();
        CashBook.Totals totals = book.totals(here, shown.atDay(1), shown.atEndOfMonth());
        List<EntryRow> entries = book.entries(here, shown.atDay(1), shown.atEndOfMonth()).stream()
                .map(e -> entry(e, page)).toList();
        List<HolderRow> cash = handovers.outstanding(here).stream().map(h -> holder(h, page)).toList();
        String export = pages.apiBase() + "/finance/cash-book/export?from=" + shown.atDay(1) + "&to="
                + shown.atEndOfMonth() + "&format=";
        return cashBook.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("month", shown.toString()).data("monthWords", FinanceWords.month(shown, page))
                .data("previous", shown.minusMonths(1).toString()).data("next", shown.plusMonths(1).toString())
                .data("closed", periods.closed(here, shown))
                .data("over", shown.isBefore(YearMonth.from(clock.today()))).data("entries", entries)
                .data("income", totals.income().stream().map(l -> total(true, l, page)).toList())
                .data("expenses", totals.expenses().stream().map(l -> total(false, l, page)).toList())
                .data("incomeTotal", Yuan.of(totals.incomeFen()))
                .data("expensesTotal", Yuan.of(totals.expensesFen()))
                .data("net", Yuan.of(totals.netFen()))
                .data("sources", Arrays.stream(IncomeSource.values()).filter(IncomeSource::enteredByHand)
                        .map(s -> new Choice(s.name(), page.t("finance.source." + s))).toList())
                .data("cash", cash).data("mayReceive", currentBranch.has(Role.FINANCE))
                .data("csv", export + "csv").data("xlsx", export + "xlsx")
                .data("done", FinanceWords.done(done, page))
                .data("problem", pages.problemText(page, problem)).render();
    }

    /** Income received: typed in yuan, booked in exact fen; cash stays with the recorder until handed over. */
    @POST
    @Path("/income")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public Response recordIncome(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm String source, @RestForm String amount, @RestForm String channel,
            @RestForm String reference, @RestForm String description) {
        try {
            CashBookResource.IncomeRequest request = new CashBookResource.IncomeRequest(source(source),
                    FinanceWords.fen(amount), channel, null, FinanceWords.text(reference),
                    FinanceWords.text(description));
            if (!validator.validate(request).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field of the form");
            }
            return writes.once(idempotencyKey, new Object[] {request}, () -> {
                book.recordIncome(currentBranch.require(), new CashBook.NewIncome(request.source(),
                        request.amountFen(), request.channel(), null, request.reference(), request.description()),
                        caller.username());
                return URI.create(pages.base() + "/finance?done=income");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance", problem);
        }
    }

    /** The finance officer confirms the cash a holder handed over, the lines ticked (R-FIN-1). */
    @POST
    @Path("/handovers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles(Role.FINANCE)
    @Operation(hidden = true)
    public Response receiveCash(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm String holder, @RestForm List<UUID> incomeId) {
        try {
            if (holder == null || holder.isBlank() || incomeId == null || incomeId.isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Tick the cash handed over");
            }
            return writes.once(idempotencyKey, new Object[] {holder, incomeId}, () -> {
                handovers.receive(currentBranch.require(), holder, incomeId, person.id(), caller.username());
                return URI.create(pages.base() + "/finance?done=handover");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance", problem);
        }
    }

    /** A signed amount booked today against an income line or a paid expense; the original never changes. */
    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public Response correct(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm String month, @RestForm UUID corrects, @RestForm String amount, @RestForm String reason) {
        String back = "/finance" + (month == null || !month.matches("\\d{4}-\\d{2}") ? "" : "?month=" + month);
        try {
            CashBookResource.CorrectionRequest request = new CashBookResource.CorrectionRequest(corrects,
                    FinanceWords.signedFen(amount), FinanceWords.text(reason));
            if (!validator.validate(request).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field of the form");
            }
            return writes.once(idempotencyKey, new Object[] {request}, () -> {
                book.correct(currentBranch.require(), request.corrects(), request.amountFen(), request.reason(),
                        caller.username());
                return URI.create(pages.base() + back + (back.contains("?") ? "&" : "?") + "done=correction");
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    /** Closes the books of a month that is over: nothing more is booked into it. */
    @POST
    @Path("/months/{month}/closing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public Response close(@PathParam("branch") String branch, @PathParam("month") String month,
            @RestForm String idempotencyKey) {
        try {
            YearMonth closing = CashBookResource.month(month);
            return writes.once(idempotencyKey, new Object[] {closing}, () -> {
                periods.close(currentBranch.require(), closing, caller.username());
                return URI.create(pages.base() + "/finance?month=" + closing + "&done=closed");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance", problem);
        }
    }

    private static EntryRow entry(CashBook.Entry e, Page page) {
        return new EntryRow(e.id(), e.corrects() == null, FinanceWords.day(e.bookedOn(), page),
                page.t("finance.kind." + e.kind()), FinanceWords.category(e.kind().income(), e.category(), page),
                Yuan.of(e.amountFen()), e.kind().income(),
                e.channel() == null ? "" : page.t("finance.channel." + e.channel()), e.reference(), e.description(),
                e.recordedBy());
    }

    private static HolderRow holder(CashHandovers.Holding h, Page page) {
        return new HolderRow(h.holder(), h.holderName(), Yuan.of(h.amountFen()),
                Yuan.of(h.overdueFen()), h.overdueFen() > 0, h.lines().stream()
                        .map(l -> new CashRow(l.incomeId(), FinanceWords.day(l.takenOn(), page),
                                FinanceWords.category(true, l.source(), page), Yuan.of(l.amountFen()),
                                l.reference(),
                                l.overdue()))
                        .toList());
    }

    /** A total of a source ({@code income}) or an item, as a row of the page. */
    static TotalRow total(boolean income, CashBook.Line line, Page page) {
        return new TotalRow(FinanceWords.category(income, line.category(), page), Yuan.of(line.amountFen()));
    }

    private static IncomeSource source(String name) {
        try {
            return name == null ? null : IncomeSource.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("invalid-request", "source", "Not a source of income: " + name);
        }
    }
}
