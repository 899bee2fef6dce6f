package cn.tongyi.core.ledger;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The ledger as branch staff work with it: transfers that happened in the branch, disputes to decide (R-LEDGER-6), and
 * the branch's ledger rules. Lines of the paper point book are entered through the time bank, which knows the
 * services they pay for.
 */
@Path("/api/branches/{branch}/ledger")
@Tag(name = "Branch ledger")
@BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE})
public class BranchLedgerResource {

    public record Decision(@NotNull Boolean accept, @Digits(integer = 9, fraction = 2) BigDecimal points,
            @NotBlank @Size(max = 500) String note) {
    }

    private final LedgerService ledger;
    private final DisputeService disputes;
    private final LedgerRules rules;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final PersonIds personIds;
    private final OpaqueIds opaqueIds;

    BranchLedgerResource(LedgerService ledger, DisputeService disputes, LedgerRules rules,
            CurrentBranch currentBranch, CallerGrants caller, CurrentPerson person, PersonIds personIds,
            OpaqueIds opaqueIds) {
        this.ledger = ledger;
        this.disputes = disputes;
        this.rules = rules;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
        this.personIds = personIds;
        this.opaqueIds = opaqueIds;
    }

    @GET
    @Path("/transfers/{id}")
    @Operation(summary = "A transfer that happened in this branch")
    public TransferView transfer(@PathParam("branch") String branch, @PathParam("id") String id) {
        String code = currentBranch.require().value();
        return ledger.transfer(opaqueIds.require(OpaqueIds.Kind.TRANSFER, id)).filter(t -> t.branch().equals(code))
                .map(t -> TransferView.of(t, personIds))
                .orElseThrow(() -> OpaqueIds.notFound(OpaqueIds.Kind.TRANSFER));
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
            + "(points signed from the member's view, at most the disputed amount plus its shortfall; default: "
            + "reverse it in full); nobody decides their own dispute or one on a transfer they are a party to")
    public RestResponse<DisputeView> decide(@PathParam("branch") String branch, @PathParam("id") String id,
            @Valid @NotNull Decision decision) {
        Long points = decision.points() == null ? null : Points.parse(decision.points());
        return RestResponse.ok(disputes.decide(currentBranch.require().value(),
                opaqueIds.require(OpaqueIds.Kind.DISPUTE, id), decision.accept(), points,
                decision.note(), new DisputeService.Decider(person.id(), caller.username())));
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
