package cn.tongyi.core.ledger;

import cn.tongyi.core.idempotency.IdempotencyKeys;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The ledger as branch staff work with it: entries from the paper point book (纸质积分登记本, 楼长管家代录),
 * transfers that happened in the branch, disputes to decide (R-LEDGER-6), and the branch's ledger rules.
 */
@Path("/api/branches/{branch}/ledger")
@Tag(name = "Branch ledger")
@BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE})
public class BranchLedgerResource {

    /** A line of the paper point book: one member pays another, entered by staff on their behalf. */
    public record PaperEntry(@NotNull @Positive Long fromPersonId, @NotNull @Positive Long toPersonId,
            @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal points,
            @NotNull TransferKind kind, @NotBlank @Size(max = 40) String paperFormNo, @Size(max = 500) String note) {
    }

    public record Decision(@NotNull Boolean accept, @Digits(integer = 9, fraction = 2) BigDecimal points,
            @NotBlank @Size(max = 500) String note) {
    }

    private final LedgerService ledger;
    private final DisputeService disputes;
    private final LedgerRules rules;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    BranchLedgerResource(LedgerService ledger, DisputeService disputes, LedgerRules rules,
            CurrentBranch currentBranch, CallerGrants caller) {
        this.ledger = ledger;
        this.disputes = disputes;
        this.rules = rules;
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    /**
     * Not {@code @Idempotent}: the ledger applies a transfer once per kind and key and answers a repeated key with the
     * earlier transfer, so a second record of the same fact would only cost two more statements (ADR 0008).
     */
    @POST
    @Path("/transfers")
    @Operation(summary = "Enter a points payment from the paper point book (kind SERVICE_PAYMENT); needs an "
            + "Idempotency-Key; 409 insufficient-points when the payer's balance is short")
    public RestResponse<TransferView> enter(@PathParam("branch") String branch,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull PaperEntry entry) {
        IdempotencyKeys.require(idempotencyKey);
        String code = currentBranch.require().value();
        if (entry.kind() != TransferKind.SERVICE_PAYMENT) {
            throw ApiProblem.unprocessable("kind-not-allowed", "Staff enter only SERVICE_PAYMENT transfers here");
        }
        if (entry.fromPersonId().equals(entry.toPersonId())) {
            throw ApiProblem.unprocessable("same-person", "A member cannot pay themselves");
        }
        String key = "paper:" + code + ":" + caller.username() + ":" + idempotencyKey;
        PostedTransfer posted = ledger.post(TransferRequest.payment(code, entry.fromPersonId(), entry.toPersonId(),
                Points.parse(entry.points()), new TransferRequest.Reference("PAPER_FORM", entry.paperFormNo()), key,
                caller.username(), entry.note()));
        RestResponse.ResponseBuilder<TransferView> response = RestResponse.ResponseBuilder
                .<TransferView>created(URI.create("/api/branches/" + code + "/ledger/transfers/" + posted.id()))
                .entity(TransferView.of(posted));
        if (posted.replayed()) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @Path("/transfers/{id}")
    @Operation(summary = "A transfer that happened in this branch")
    public TransferView transfer(@PathParam("branch") String branch, @PathParam("id") long id) {
        String code = currentBranch.require().value();
        return ledger.transfer(id).filter(t -> t.branch().equals(code)).map(TransferView::of)
                .orElseThrow(() -> ApiProblem.notFound("transfer-not-found", "No transfer " + id + " in " + code));
    }

    @GET
    @Path("/disputes")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Disputes of transfers in this branch: open ones (oldest first, with due date and overdue "
            + "flag), or decided ones with status=DECIDED")
    public List<DisputeView> disputes(@PathParam("branch") String branch,
            @QueryParam("status") @DefaultValue("OPEN") String status) {
        return disputes.ofBranch(currentBranch.require().value(), !"DECIDED".equalsIgnoreCase(status));
    }

    @POST
    @Path("/disputes/{id}/decision")
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Decide a dispute; acceptance posts a CORRECTION referencing the disputed transfer "
            + "(points signed from the member's view, default: reverse it in full)")
    public RestResponse<DisputeView> decide(@PathParam("branch") String branch, @PathParam("id") long id,
            @Valid @NotNull Decision decision) {
        Long points = decision.points() == null ? null : Points.parse(decision.points());
        return RestResponse.ok(disputes.decide(currentBranch.require().value(), id, decision.accept(), points,
                decision.note(), caller.username()));
    }

    @GET
    @Path("/rules")
    @Operation(summary = "The branch's ledger rules")
    public LedgerRules.Rules rules(@PathParam("branch") String branch) {
        return rules.of(currentBranch.require().value());
    }

    @PUT
    @Path("/rules")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Set whether a penalty may take a member below zero here (R-LEDGER-5; default no)")
    public LedgerRules.Rules setRules(@PathParam("branch") String branch, @Valid @NotNull LedgerRules.Rules update) {
        return rules.set(currentBranch.require().value(), update, caller.username());
    }
}
