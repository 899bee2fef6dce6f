package cn.tongyi.core.finance;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * R-FIN-2 in the console: expenses requested, each with its approval tier and how far its approval got in words, the
 * core team's decisions (never on one's own request: the requester gets no button, and the service refuses anyway),
 * the invoice photographed and uploaded, and the payment once approval is complete, exactly once.
 */
@Path("/s/{branch}/finance/expenses")
@Produces(PageErrors.HTML)
public class ExpensesPage {

    @TemplateData
    public record ApprovalRow(String approver, boolean approved, String note, String when) {
    }

    @TemplateData
    public record ExpenseRow(UUID id, String item, String amount, String tier, String state, String payee,
            String description, String requestedBy, String requestedAt, boolean mine, List<ApprovalRow> approvals,
            int invoices, List<UUID> invoiceIds, boolean mayDecide, boolean mayAttach, boolean mayPay) {
    }

    @Inject
    @Location("finance/expenses.html")
    Template expensesPage;

    private final Expenses expenses;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final PageWrites writes;
    private final Validator validator;
    private final ConsolePages pages;

    ExpensesPage(Expenses expenses, CurrentBranch currentBranch, CallerGrants caller, CurrentPerson person,
            PageWrites writes, Validator validator, ConsolePages pages) {
        this.expenses = expenses;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
        this.writes = writes;
        this.validator = validator;
        this.pages = pages;
    }

    @GET
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(hidden = true)
    public String list(@PathParam("branch") String branch, @QueryParam(ConsolePages.PROBLEM) String problem,
            @QueryParam("done") String done) {
        Page page = pages.page("finance.expenses.title");
        List<ExpenseRow> rows = expenses.list(currentBranch.require(), null, null, 100).stream()
                .map(e -> row(e, page)).toList();
        return expensesPage.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("apiBase", pages.apiBase()).data("expenses", rows)
                .data("mayRequest", currentBranch.hasAny(Role.FINANCE, Role.BRANCH_HEAD))
                .data("items", Arrays.stream(ExpenseItem.values())
                        .map(i -> new CashBookPage.Choice(i.name(), page.t("finance.item." + i))).toList())
                .data("done", FinanceWords.done(done, page))
                .data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public Response request(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm String item, @RestForm String amount, @RestForm String payee, @RestForm String description) {
        try {
            ExpenseResource.ExpenseRequest request = new ExpenseResource.ExpenseRequest(item(item),
                    FinanceWords.fen(amount), FinanceWords.text(payee), FinanceWords.text(description));
            if (!validator.validate(request).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field of the form");
            }
            return writes.once(idempotencyKey, new Object[] {request}, () -> {
                expenses.request(currentBranch.require(), new Expenses.NewExpense(request.item(),
                        request.amountFen(), request.payee(), request.description()), person.id(), caller.username());
                return done("expense");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance/expenses", problem);
        }
    }

    @POST
    @Path("/{id}/approvals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(hidden = true)
    public Response decide(@PathParam("branch") String branch, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String decision, @RestForm String note) {
        try {
            ExpenseResource.Decision form = new ExpenseResource.Decision(decision == null ? null
                    : "approve".equals(decision), FinanceWords.text(note));
            if (!validator.validate(form).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Approve or refuse; a note of at most 200 characters");
            }
            return writes.once(idempotencyKey, new Object[] {id, form}, () -> {
                expenses.approve(currentBranch.require(), id, form.approve(), form.note(), person.id(),
                        caller.username(), currentBranch.roles());
                return done("approval");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance/expenses", problem);
        }
    }

    /** The invoice as photographed (JPEG, PNG) or scanned (PDF); the service checks its content against its type. */
    @POST
    @Path("/{id}/invoices")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public Response attachInvoice(@PathParam("branch") String branch, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm("invoice") FileUpload invoice) {
        try {
            if (invoice == null || invoice.size() == 0) {
                throw ApiProblem.badRequest("file-empty", "Choose the invoice's photo or scan");
            }
            UploadedFile file = UploadedFile.check(invoice.contentType(), YearResultPage.content(invoice),
                    Expenses.INVOICE_TYPES, Expenses.MAX_INVOICE_BYTES);
            return writes.once(idempotencyKey, new Object[] {id, file.sha256()}, () -> {
                expenses.attachInvoice(currentBranch.require(), id, file, caller.username());
                return done("invoice");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance/expenses", problem);
        }
    }

    @POST
    @Path("/{id}/payment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BranchRoles(Role.FINANCE)
    @Operation(hidden = true)
    public Response pay(@PathParam("branch") String branch, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String reference) {
        try {
            ExpenseResource.PaymentRequest payment = new ExpenseResource.PaymentRequest(FinanceWords.text(reference));
            if (!validator.validate(payment).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "The payment's reference is needed");
            }
            return writes.once(idempotencyKey, new Object[] {id, payment}, () -> {
                expenses.pay(currentBranch.require(), id, payment.reference(), person.id(), caller.username());
                return done("payment");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/finance/expenses", problem);
        }
    }

    private ExpenseRow row(Expenses.ExpenseView e, Page page) {
        boolean mine = caller.username().equals(e.requestedBy());
        boolean pending = e.status() == Expenses.Status.PENDING_APPROVAL;
        boolean decided = e.approvals().stream().anyMatch(a -> caller.username().equals(a.approver()));
        return new ExpenseRow(e.id(), page.t("finance.item." + e.item()), Yuan.of(e.amountFen()),
                page.t("finance.tier." + e.tier()), state(e, page), e.payee(), e.description(),
                FinanceWords.person(e.requestedBy()),
                FinanceWords.when(e.requestedAt(), page), mine,
                e.approvals().stream().map(a -> new ApprovalRow(FinanceWords.person(a.approver()), a.approved(),
                        a.note(), FinanceWords.when(a.decidedAt(), page))).toList(),
                e.invoices().size(), e.invoices().stream().map(Expenses.Invoice::id).toList(),
                pending && !mine && !decided && e.tier() != ExpenseTier.COUNCIL,
                e.status() != Expenses.Status.PAID && e.status() != Expenses.Status.REJECTED
                        && currentBranch.hasAny(Role.FINANCE, Role.BRANCH_HEAD),
                e.status() == Expenses.Status.APPROVED && !mine && currentBranch.has(Role.FINANCE));
    }

    /** How far the expense got, in words: whose decision it waits for, or when and how it was paid. */
    private static String state(Expenses.ExpenseView e, Page page) {
        long approved = e.approvals().stream().filter(Expenses.Approval::approved).count();
        return switch (e.status()) {
            case PENDING_APPROVAL -> switch (e.tier()) {
                case HEAD -> page.t("finance.state.waitingHead");
                case CORE_TEAM -> page.t("finance.state.waitingCoreTeam", approved,
                        ExpenseTier.CORE_TEAM_APPROVALS);
                case COUNCIL -> page.t("finance.state.waitingCouncil", e.votesFor(), e.votesAgainst());
            };
            case APPROVED -> e.invoices().isEmpty() ? page.t("finance.state.approvedNoInvoice")
                    : page.t("finance.state.approved");
            case REJECTED -> page.t("finance.state.rejected");
            case PAID -> page.t("finance.state.paid", FinanceWords.day(e.payment().bookedOn(), page),
                    e.payment().reference());
        };
    }

    private URI done(String what) {
        return URI.create(pages.base() + "/finance/expenses?done=" + what);
    }

    private static ExpenseItem item(String name) {
        try {
            return name == null ? null : ExpenseItem.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("invalid-request", "item", "Not an expense item: " + name);
        }
    }
}
