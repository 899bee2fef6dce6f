package cn.tongyi.core.complaint;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** R-COMPLAINT-4: redemption disputes referred to the supervision group, and its published rulings. */
@Path("/api/branches/{branch}/dispute-referrals")
@Tag(name = "Complaints")
public class DisputeReferralResource {

    public record ReferralRequest(@NotBlank @Size(max = 40) String disputeId,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record RulingRequest(@NotBlank @Size(max = 2000) String ruling, @NotNull Boolean upheld) {
    }

    private final DisputeReferrals referrals;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final OpaqueIds opaqueIds;

    DisputeReferralResource(DisputeReferrals referrals, CurrentBranch currentBranch, CallerGrants caller,
            CurrentPerson person, OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.referrals = referrals;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
    }

    @POST
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Refer an open redemption dispute the steward cannot settle to the supervision group; the "
            + "ruling is due within 3 working days")
    public RestResponse<DisputeReferrals.Referral> refer(@PathParam("branch") String branch,
            @Valid @NotNull ReferralRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, referrals.refer(currentBranch.require(),
                disputeOf(request), request.reason().strip(), caller.username()));
    }

    /** The dispute a referral names; one that is not a dispute of this platform is refused as unknown. */
    long disputeOf(ReferralRequest request) {
        return opaqueIds.open(OpaqueIds.Kind.DISPUTE, request.disputeId()).orElseThrow(() -> ApiProblem.invalidField(
                "redemption-dispute-not-found", "disputeId", "No open dispute about a redemption in this branch"));
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.MEMBER})
    @Operation(summary = "Referrals, newest first: staff see all, members the published rulings")
    public List<DisputeReferrals.Referral> list(@PathParam("branch") String branch) {
        return referrals.list(currentBranch.require(), !currentBranch.hasAny(Role.STEWARD, Role.BRANCH_HEAD));
    }

    @POST
    @Path("/{referralId}/ruling")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Rule as a member of the supervision group; the ruling is published to every member")
    public RestResponse<DisputeReferrals.Referral> rule(@PathParam("branch") String branch,
            @PathParam("referralId") UUID referralId, @Valid @NotNull RulingRequest request) {
        return RestResponse.ok(referrals.rule(currentBranch.require(), referralId, request.ruling().strip(),
                request.upheld(), person.id(), caller.username()));
    }
}
