package cn.tongyi.core.finance;

import cn.tongyi.core.governance.GovernanceBodies;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-FIN-2: expenses, their approval by tier, the council's votes, invoices and the payment. Council members (MEMBER
 * role) see and vote on the expenses that go to the council while they sit on it.
 */
@Path("/api/branches/{branch}/finance/expenses")
@Tag(name = "Finance")
public class ExpenseResource {

    public record ExpenseRequest(@NotNull ExpenseItem item, @NotNull @Positive Long amountFen,
            @NotBlank @Size(max = 100) String payee, @NotBlank @Size(max = 500) String description) {
    }

    public record Decision(@NotNull Boolean approve, @Size(max = 200) String note) {
    }

    public record VoteRequest(@NotNull Boolean inFavour) {
    }

    public record PaymentRequest(@NotBlank @Size(max = 60) String reference) {
    }

    private final Expenses expenses;
    private final GovernanceBodies governance;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final BusinessClock clock;

    ExpenseResource(Expenses expenses, GovernanceBodies governance, CurrentBranch currentBranch, CallerGrants caller,
            CurrentPerson person, BusinessClock clock) {
        this.expenses = expenses;
        this.governance = governance;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
        this.clock = clock;
    }

    @POST
    @Idempotent
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Request an expense in fen; its approval tier follows from the amount (≤ 500.00 CNY the head, "
            + "≤ 5,000.00 two core-team members, above that the council)")
    public RestResponse<Expenses.ExpenseView> request(@PathParam("branch") String branch,
            @Valid @NotNull ExpenseRequest request) {
        Expenses.ExpenseView expense = expenses.request(currentBranch.require(), new Expenses.NewExpense(
                request.item(), request.amountFen(), request.payee().strip(), request.description().strip()),
                person.id(), caller.username());
        return RestResponse.ResponseBuilder.<Expenses.ExpenseView>created(URI.create(
                "/api/branches/" + branch + "/finance/expenses/" + expense.id())).entity(expense).build();
    }

    @GET
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD, Role.MEMBER})
    @Operation(summary = "Expenses, newest first, optionally of one status; a council member sees the council's")
    public List<Expenses.ExpenseView> list(@PathParam("branch") String branch,
            @QueryParam("status") Expenses.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return expenses.list(currentBranch.require(), status, councilOnly() ? ExpenseTier.COUNCIL : null, limit);
    }

    @GET
    @Path("/{expenseId}")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD, Role.MEMBER})
    @Operation(summary = "An expense with its approvals, votes, invoices and payment")
    public Expenses.ExpenseView get(@PathParam("branch") String branch, @PathParam("expenseId") UUID expenseId) {
        Expenses.ExpenseView expense = expenses.view(currentBranch.require(), expenseId);
        if (councilOnly() && expense.tier() != ExpenseTier.COUNCIL) {
            throw ApiProblem.notFound("expense-not-found", "No expense " + expenseId + " before the council");
        }
        return expense;
    }

    @POST
    @Path("/{expenseId}/approvals")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "Approve or refuse an expense as a core-team member (never one's own request)")
    public RestResponse<Expenses.ExpenseView> approve(@PathParam("branch") String branch,
            @PathParam("expenseId") UUID expenseId, @Valid @NotNull Decision decision) {
        return RestResponse.ok(expenses.approve(currentBranch.require(), expenseId, decision.approve(),
                decision.note(), person.id(), caller.username(), currentBranch.roles()));
    }

    @POST
    @Path("/{expenseId}/votes")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Vote on an expense above 5,000.00 CNY as a member of the representative council")
    public RestResponse<Expenses.ExpenseView> vote(@PathParam("branch") String branch,
            @PathParam("expenseId") UUID expenseId, @Valid @NotNull VoteRequest vote) {
        return RestResponse.ok(expenses.vote(currentBranch.require(), expenseId, vote.inFavour(), person.id()));
    }

    @POST
    @Path("/{expenseId}/invoices")
    @Idempotent
    @Consumes({"image/jpeg", "image/png", "application/pdf"})
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Attach an invoice (JPEG, PNG or PDF, at most 5 MB; its content must match its type)")
    public RestResponse<Expenses.ExpenseView> attachInvoice(@PathParam("branch") String branch,
            @PathParam("expenseId") UUID expenseId, HttpHeaders headers, byte[] content) {
        String type = headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype();
        UploadedFile file = UploadedFile.check(type, content, Expenses.INVOICE_TYPES, Expenses.MAX_INVOICE_BYTES);
        return RestResponse.status(RestResponse.Status.CREATED,
                expenses.attachInvoice(currentBranch.require(), expenseId, file, caller.username()));
    }

    @GET
    @Path("/{expenseId}/invoices/{invoiceId}")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "An invoice as uploaded; its SHA-256 is the ETag")
    public RestResponse<byte[]> invoice(@PathParam("branch") String branch, @PathParam("expenseId") UUID expenseId,
            @PathParam("invoiceId") UUID invoiceId) {
        Expenses.Invoice invoice = expenses.invoice(currentBranch.require(), expenseId, invoiceId);
        return RestResponse.ResponseBuilder.ok(expenses.invoiceContent(currentBranch.require(), expenseId, invoiceId),
                invoice.mediaType()).header(HttpHeaders.ETAG, "\"" + invoice.sha256() + "\"").build();
    }

    @POST
    @Path("/{expenseId}/payment")
    @Idempotent
    @BranchRoles(Role.FINANCE)
    @Operation(summary = "Pay an approved expense with an invoice, exactly once, as the finance officer (not the "
            + "requester); booked today")
    public RestResponse<Expenses.ExpenseView> pay(@PathParam("branch") String branch,
            @PathParam("expenseId") UUID expenseId, @Valid @NotNull PaymentRequest payment) {
        return RestResponse.status(RestResponse.Status.CREATED, expenses.pay(currentBranch.require(), expenseId,
                payment.reference().strip(), person.id(), caller.username()));
    }

    /** A member without a staff role here sees only the council's expenses, and only while sitting on it. */
    private boolean councilOnly() {
        if (currentBranch.hasAny(Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD)) {
            return false;
        }
        if (governance.councillor(currentBranch.require(), person.id(), clock.today()).isEmpty()) {
            throw ApiProblem.forbidden("not-on-council", "Members see the expenses before the council they sit on");
        }
        return true;
    }
}
