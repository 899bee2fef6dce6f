package cn.tongyi.core.member;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.ledger.EntryView;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.MemberHistory;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.membership.FeePayment;
import cn.tongyi.core.membership.MembershipService;
import cn.tongyi.core.membership.MembershipType;
import cn.tongyi.core.web.Slice;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Members of a branch: registration by stewards, records, fees, freezing and revocation (R-MEMBER-1..3, 8). */
@Path("/api/branches/{branch}/members")
@Tag(name = "Members")
public class MemberResource {

    public record StewardRegistration(@Valid @NotNull MemberDetails member,
            @NotBlank @Size(max = 40) String paperFormNo, UUID referrerId) {
    }

    public record ContactChange(@Size(max = 20) String phone, @Size(max = 100) String address,
            @Valid MemberDetails.EmergencyContact emergencyContact) {
    }

    public record Fee(@NotNull MembershipType type, @NotNull FeePayment.Channel channel,
            @NotBlank @Size(max = 40) String receiptNo) {
    }

    public record FeeView(Long paymentId, MembershipType type, long amountFen, String currency,
            FeePayment.Channel channel, String receiptNo, String receivedBy, LocalDate membershipStartsOn,
            LocalDate membershipEndsOn, boolean foundingBenefit) {
    }

    public record Freeze(@NotNull LocalDate until, @NotBlank @Size(max = 200) String reason) {
    }

    public record Revocation(@NotBlank @Size(max = 200) String reason) {
    }

    public record Page(List<MemberView> members, String nextCursor) {
    }

    public record Imported(int imported, List<UUID> memberIds) {
    }

    public record MemberPoints(UUID memberId, String points, OffsetDateTime asOf, List<EntryView> entries,
            String nextCursor) {
    }

    private final MemberRegistration registration;
    private final MemberImport memberImport;
    private final MemberAccess access;
    private final MemberViews views;
    private final MembershipService memberships;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final LedgerService ledger;
    private final MemberHistory history;

    MemberResource(MemberRegistration registration, MemberImport memberImport, MemberAccess access,
            MemberViews views, MembershipService memberships, CurrentBranch currentBranch, CallerGrants caller,
            BusinessClock clock, LedgerService ledger, MemberHistory history) {
        this.ledger = ledger;
        this.history = history;
        this.registration = registration;
        this.memberImport = memberImport;
        this.access = access;
        this.views = views;
        this.memberships = memberships;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Register a resident from the paper form (steward-entered, no login needed)")
    public RestResponse<MemberView> registerOnPaper(@PathParam("branch") String branch,
            @Valid @NotNull StewardRegistration request) {
        access.requireCareOfBuilding(request.member().buildingId());
        Member member = registration.register(request.member(), Optional.empty(), new MemberRegistration.Source(
                Member.Channel.STEWARD, request.paperFormNo().strip(), caller.username(), request.referrerId()));
        return RestResponse.ResponseBuilder.<MemberView>created(URI.create(
                        "/api/branches/" + branch + "/members/" + member.id))
                .entity(views.view(member, "登记新会员")).build();
    }

    @POST
    @Path("/import")
    @Idempotent
    @Consumes("text/csv")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Import a paper register as CSV: all lines or none; the 422 report names line, field, reason")
    public RestResponse<Imported> importRegister(@PathParam("branch") String branch, String csv) {
        List<UUID> imported = memberImport.importRegister(csv, caller.username());
        return RestResponse.status(RestResponse.Status.CREATED, new Imported(imported.size(), imported));
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "Members, masked; a steward sees the members of their buildings")
    public Page list(@PathParam("branch") String branch, @QueryParam("buildingId") Long buildingId,
            @QueryParam("cursor") UUID cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Set<Long> buildings = currentBranch.has(Role.FINANCE) ? null : access.visibleBuildings();
        if (buildings != null && buildings.isEmpty()) {
            return new Page(List.of(), null);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (buildingId != null) {
            query.append(" and buildingId = :building");
            parameters.put("building", buildingId);
        }
        if (buildings != null) {
            query.append(" and buildingId in :buildings");
            parameters.put("buildings", buildings);
        }
        if (cursor != null) {
            query.append(" and id > :cursor");
            parameters.put("cursor", cursor);
        }
        Slice<Member> slice = Slice.of(Member.<Member>find(query + " order by id", parameters)
                .page(0, limit + 1).list(), limit);
        return new Page(views.list(slice.items()), slice.nextCursor(m -> m.id.toString()));
    }

    @GET
    @Path("/me")
    @Transactional
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "The caller's own member record, in clear")
    public MemberView me(@PathParam("branch") String branch, @QueryParam("reason") @Size(max = 200) String reason) {
        return views.view(access.self(), reason == null ? "本人查看" : reason);
    }

    @GET
    @Path("/{memberId}")
    @Transactional
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "A member's record: clear for the head and the building's stewards (audited with the reason),"
            + " else masked")
    public MemberView get(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @QueryParam("reason") @Size(max = 200) String reason) {
        return views.view(access.find(memberId), reason);
    }

    @GET
    @Path("/{memberId}/points")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "A member's points and history, newest first, for the head and the stewards of the member's "
            + "building (members registered on paper rely on them, R-LEDGER-4); pass nextCursor back as cursor")
    public MemberPoints points(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @QueryParam("cursor") @Size(max = 100) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MemberHistory.MAX_LIMIT) int limit) {
        Member member = access.requireCareOf(memberId);
        MemberHistory.Page page = history.page(member.personId, cursor, limit);
        return new MemberPoints(member.id, Points.format(ledger.balance(member.personId)), clock.now(),
                page.entries(), page.nextCursor());
    }

    @PUT
    @Path("/me/contact")
    @Transactional
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Change one's own phone, address or emergency contact")
    public MemberView changeOwnContact(@PathParam("branch") String branch, @Valid @NotNull ContactChange change) {
        Member member = access.self();
        registration.updateContact(member, change.phone(), change.address(), change.emergencyContact());
        return views.view(member, "本人修改资料");
    }

    @PUT
    @Path("/{memberId}/contact")
    @Transactional
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Change a member's phone, address or emergency contact")
    public MemberView changeContact(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull ContactChange change) {
        Member member = access.requireCareOf(memberId);
        registration.updateContact(member, change.phone(), change.address(), change.emergencyContact());
        return views.view(member, "修改会员资料");
    }

    @POST
    @Path("/{memberId}/fees")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE})
    @Operation(summary = "Record a membership fee received (R-MEMBER-2); needs an Idempotency-Key")
    public RestResponse<FeeView> payFee(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Fee fee) {
        Member member = currentBranch.has(Role.FINANCE) ? access.find(memberId) : access.requireCareOf(memberId);
        MembershipService.FeeRecorded recorded = memberships.payFee(member, fee.type(), fee.channel(),
                fee.receiptNo(), caller.username());
        FeePayment payment = recorded.payment();
        return RestResponse.status(RestResponse.Status.CREATED, new FeeView(payment.id, payment.type,
                payment.amountFen, payment.currency, payment.channel, payment.receiptNo, payment.receivedBy,
                recorded.membership().startsOn, recorded.membership().endsOn,
                recorded.membership().foundingBenefit));
    }

    @PUT
    @Path("/{memberId}/freeze")
    @Transactional
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Freeze a member's right to post requests until a date (R-MEMBER-8)")
    public MemberView freeze(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Freeze freeze) {
        Member member = access.requireCareOf(memberId);
        if (!freeze.until().isAfter(clock.today())) {
            throw ApiProblem.invalidField("invalid-date", "until", "A freeze lasts until a day after today");
        }
        member.frozenUntil = freeze.until();
        member.freezeReason = freeze.reason().strip();
        return views.view(member, "冻结会员");
    }

    @DELETE
    @Path("/{memberId}/freeze")
    @Transactional
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Lift a freeze")
    public MemberView unfreeze(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId) {
        Member member = access.requireCareOf(memberId);
        member.frozenUntil = null;
        member.freezeReason = null;
        return views.view(member, "解除冻结");
    }

    @POST
    @Path("/{memberId}/revocation")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Revoke a membership (R-MEMBER-8, R-COMPLAINT-3); it cannot be paid again")
    public MemberView revoke(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Revocation revocation) {
        Member member = access.requireCareOf(memberId);
        if (member.revoked()) {
            throw ApiProblem.conflict("membership-revoked", "This membership was already revoked");
        }
        member.revokedAt = clock.now();
        member.revokeReason = revocation.reason().strip();
        return views.view(member, "撤销会员资格");
    }
}
