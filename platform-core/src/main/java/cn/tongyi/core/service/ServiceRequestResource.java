package cn.tongyi.core.service;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.IdempotencyKeys;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.member.MemberAccess;
import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.OpenToAllianceMembers;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The time bank's requests in a branch (R-SERVICE-1..9), open to members of every branch of the alliance. */
@Path("/api/branches/{branch}/service-requests")
@Tag(name = "Service requests")
public class ServiceRequestResource {

    public record Posting(@NotBlank @Size(max = 40) String serviceType, @NotNull OffsetDateTime startsAt,
            @NotBlank @Size(max = 200) String place, Long buildingId,
            @NotNull @Min(15) @Max(480) Integer expectedMinutes, @NotBlank @Size(max = 1000) String description,
            boolean payWithPoints) {
    }

    public record Review(@NotNull Boolean approve, @Size(max = 200) String reason) {
    }

    /** The requester confirms in the app; a steward records the paper 服务验收单 and names its number. */
    public record ConfirmationBody(@NotNull @Min(15) @Max(1440) Integer actualMinutes,
            @NotNull @Min(1) @Max(5) Integer rating, @Size(max = 40) String paperFormNo) {
    }

    public record Cancellation(@Size(max = 200) String reason) {
    }

    /** A steward's finding (a no-show, a malicious cancellation) and why. */
    public record Finding(@NotBlank @Size(max = 150) String reason) {
    }

    public record NoShowOutcome(ServiceRequestView request, String penalty, String deducted, String shortfall) {
    }

    public record MaliciousOutcome(ServiceRequestView request, LocalDate requesterFrozenUntil) {
    }

    public record OfferView(int rank, UUID volunteerMemberId, String volunteerName, boolean skillMatch, Long metres,
            int openOrders) {
    }

    public record ReviewOutcome(ServiceRequestView request, String rankedBy, List<OfferView> offers,
            OffsetDateTime offersExpireAt) {
    }

    /** An offer of a request with the ranking's reasons: skill match, distance, load; and where it stands. */
    public record RankedOffer(int rank, UUID volunteerMemberId, String volunteerName, boolean skillMatch, Long metres,
            int openOrders, ServiceOffer.Status status, OffsetDateTime offeredAt, OffsetDateTime expiresAt) {
    }

    public record Offers(
            @Opaque(OpaqueIds.Kind.SERVICE_REQUEST) @Schema(type = SchemaType.STRING) long requestId,
            String rankedBy, List<RankedOffer> offers) {
    }

    public record OpenOffer(
            @Opaque(OpaqueIds.Kind.SERVICE_REQUEST) @Schema(type = SchemaType.STRING) long requestId,
            String serviceType, OffsetDateTime startsAt, String place, Long buildingId, int expectedMinutes,
            String description, int rank, OffsetDateTime expiresAt) {
    }

    private final ServiceRequests requests;
    private final Acceptance acceptance;
    private final Completion completion;
    private final Cancellations cancellations;
    private final CurrentBranch currentBranch;
    private final MemberAccess access;
    private final CurrentPerson person;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    ServiceRequestResource(ServiceRequests requests, Acceptance acceptance, Completion completion,
            Cancellations cancellations, CurrentBranch currentBranch, MemberAccess access, CurrentPerson person,
            CallerGrants caller, BusinessClock clock, OpaqueIds opaqueIds) {
        this.requests = requests;
        this.acceptance = acceptance;
        this.completion = completion;
        this.cancellations = cancellations;
        this.currentBranch = currentBranch;
        this.access = access;
        this.person = person;
        this.caller = caller;
        this.clock = clock;
        this.opaqueIds = opaqueIds;
    }

    /** The request a path names by its opaque id; 404 request-not-found for any other string. */
    long requestId(String id) {
        return opaqueIds.require(OpaqueIds.Kind.SERVICE_REQUEST, id);
    }

    @POST
    @Idempotent
    @OpenToAllianceMembers
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Ask for help (R-SERVICE-1), in your home branch or any other ACTIVE branch (R-LEDGER-2)")
    public RestResponse<ServiceRequestView> post(@PathParam("branch") String branch, @Valid @NotNull Posting body) {
        ServiceRequest request = requests.post(person.id(), new ServiceRequests.NewRequest(body.serviceType(),
                body.startsAt(), body.place(), body.buildingId(), body.expectedMinutes(), body.description(),
                body.payWithPoints()));
        return RestResponse.ResponseBuilder.<ServiceRequestView>created(
                        URI.create("/api/branches/" + branch + "/service-requests/"
                                + opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, request.id)))
                .entity(ServiceRequestView.of(request, clock.now())).build();
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Requests of the branch, oldest first, with those waiting past 30 minutes marked overdue")
    public List<ServiceRequestView> list(@PathParam("branch") String branch,
            @QueryParam("status") ServiceRequest.Status status) {
        Sort order = Sort.by("createdAt").and("id");
        List<ServiceRequest> found = status == null ? ServiceRequest.listAll(order)
                : ServiceRequest.list("status", order, status);
        OffsetDateTime now = clock.now();
        return found.stream().map(r -> ServiceRequestView.of(r, now)).toList();
    }

    @GET
    @Path("/{id}")
    @OpenToAllianceMembers
    @Operation(summary = "One request, for its requester, its volunteer, and the branch's stewards and head")
    @BranchRoles({Role.MEMBER, Role.VOLUNTEER, Role.STEWARD, Role.BRANCH_HEAD})
    public ServiceRequestView get(@PathParam("branch") String branch, @PathParam("id") String id) {
        return ServiceRequestView.of(ServiceRequest.visibleTo(requestId(id), person.id(),
                currentBranch.hasAny(Role.STEWARD, Role.BRANCH_HEAD)), clock.now());
    }

    @GET
    @Path("/mine")
    @OpenToAllianceMembers
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "The caller's own requests in this branch, newest first")
    public List<ServiceRequestView> mine(@PathParam("branch") String branch) {
        OffsetDateTime now = clock.now();
        return ServiceRequest.<ServiceRequest>list("requesterPersonId", Sort.by("createdAt").descending(),
                person.id()).stream().map(r -> ServiceRequestView.of(r, now)).toList();
    }

    @POST
    @Transactional
    @Path("/{id}/review")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Approve (offering it to the best-ranked volunteers) or reject a request (R-SERVICE-2, 3)")
    public ReviewOutcome review(@PathParam("branch") String branch, @PathParam("id") String id,
            @Valid @NotNull Review review) {
        ServiceRequests.Reviewed reviewed = requests.review(requestId(id), review.approve(), review.reason(),
                caller.username());
        return outcome(reviewed, review.approve());
    }

    @POST
    @Idempotent
    @Path("/{id}/offers")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Offer a request again after all its offers lapsed (R-SERVICE-4), to the best-ranked "
            + "volunteers not asked before; 409 offers-still-open while one may still accept")
    public RestResponse<ReviewOutcome> reoffer(@PathParam("branch") String branch, @PathParam("id") String id) {
        return RestResponse.ok(outcome(requests.reoffer(requestId(id)), true));
    }

    @GET
    @Path("/{id}/offers")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Whom a request was offered to, in offering order, each with the ranking's reasons (skill "
            + "match, metres between buildings, open orders) and the offer's status (R-SERVICE-3, 4)")
    public Offers offersOf(@PathParam("branch") String branch, @PathParam("id") String id) {
        ServiceRequest request = ServiceRequests.find(requestId(id));
        List<RankedOffer> offers = ServiceOffer.<ServiceOffer>list("requestId", Sort.by("offeredAt").and("rank"),
                request.id).stream().map(o -> new RankedOffer(o.rank, o.volunteerMemberId,
                        Member.<Member>findByIdOptional(o.volunteerMemberId).map(m -> m.name).orElse(null),
                        o.skillMatch, o.metres, o.openOrders, o.status, o.offeredAt, o.expiresAt))
                .toList();
        return new Offers(request.id, VolunteerRanking.EXPLANATION, offers);
    }

    private ReviewOutcome outcome(ServiceRequests.Reviewed reviewed, boolean offered) {
        List<OfferView> offers = reviewed.ranking().stream()
                .map(r -> new OfferView(r.rank(), r.memberId(), r.name(), r.skillMatch(), r.metres(), r.openOrders()))
                .toList();
        return new ReviewOutcome(ServiceRequestView.of(reviewed.request(), clock.now()),
                offered ? VolunteerRanking.EXPLANATION : null, offers, reviewed.expiresAt());
    }

    // MEMBER too, here and on acceptance: a volunteer certified since their last login holds MEMBER only in their
    // token; the offers themselves say who may take what.
    @GET
    @Path("/offers")
    @Operation(summary = "Requests offered to the calling volunteer that are still open to accept")
    @BranchRoles({Role.VOLUNTEER, Role.MEMBER})
    public List<OpenOffer> offers(@PathParam("branch") String branch) {
        OffsetDateTime now = clock.now();
        return ServiceOffer.<ServiceOffer>list("volunteerPersonId = ?1 and status = ?2 and expiresAt > ?3",
                        Sort.by("expiresAt"), person.id(), ServiceOffer.Status.OPEN, now).stream()
                .map(o -> {
                    ServiceRequest r = ServiceRequest.findById(o.requestId);
                    return new OpenOffer(r.id, r.serviceType, r.startsAt, r.place, r.buildingId, r.expectedMinutes,
                            r.description, o.rank, o.expiresAt);
                })
                .toList();
    }

    @POST
    @Transactional
    @Path("/{id}/acceptance")
    @Operation(summary = "Take an offered request; exactly one volunteer wins (R-SERVICE-4)")
    @BranchRoles({Role.VOLUNTEER, Role.MEMBER})
    public ServiceRequestView accept(@PathParam("branch") String branch, @PathParam("id") String id) {
        return ServiceRequestView.of(acceptance.accept(requestId(id), access.self().id), clock.now());
    }

    @POST
    @Idempotent
    @OpenToAllianceMembers
    @Path("/{id}/confirmation")
    @Operation(summary = "Confirm the service done, with its actual duration and a rating; moves the points once "
            + "(R-SERVICE-5, 6, 10)")
    @BranchRoles({Role.MEMBER, Role.STEWARD, Role.BRANCH_HEAD})
    public RestResponse<ServiceRequestView> confirm(@PathParam("branch") String branch, @PathParam("id") String id,
            @Valid @NotNull ConfirmationBody body) {
        Completion.Outcome outcome = confirmation(requestId(id), body);
        return nothingNewUnless(outcome.completedNow(), ServiceRequestView.of(outcome.request(), clock.now()));
    }

    /**
     * The requester confirms in the app; staff confirm from the paper 服务验收单 (the console's form too), never a
     * service they are credited for. A repeated confirmation changes nothing.
     */
    Completion.Outcome confirmation(long id, ConfirmationBody body) {
        ServiceRequest request = ServiceRequest.lock(id);
        String paperFormNo = null;
        if (!request.requesterPersonId.equals(person.id())) {
            if (!currentBranch.hasAny(Role.STEWARD, Role.BRANCH_HEAD)) {
                throw ApiProblem.notFound("request-not-found", "No such service request of yours");
            }
            if (body.paperFormNo() == null || body.paperFormNo().isBlank()) {
                throw ApiProblem.invalidField("paper-form-required", "paperFormNo",
                        "Staff confirm from the paper 服务验收单 and give its number");
            }
            if (person.id().equals(request.volunteerPersonId)) {
                throw ApiProblem.forbidden("own-service", "Nobody confirms a service they are credited for");
            }
            paperFormNo = requireUnusedForm(request, body.paperFormNo().strip());
        }
        return completion.confirm(request,
                new Completion.Confirmation(body.actualMinutes(), body.rating(), paperFormNo), caller.username());
    }

    /** R-LEDGER-8: a paper form number is entered once per branch. */
    private static String requireUnusedForm(ServiceRequest request, String paperFormNo) {
        if (request.status == ServiceRequest.Status.ACCEPTED
                && ServiceRequest.count("paperFormNo", paperFormNo) > 0) {
            throw ApiProblem.conflict("paper-form-used", "Paper form " + paperFormNo + " was already entered here");
        }
        return paperFormNo;
    }

    /** A repeated confirmation or finding changes nothing: it answers as before, marked as a replay. */
    private static <T> RestResponse<T> nothingNewUnless(boolean changed, T entity) {
        RestResponse.ResponseBuilder<T> response = RestResponse.ResponseBuilder.ok(entity);
        if (!changed) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @POST
    @Transactional
    @OpenToAllianceMembers
    @Path("/{id}/cancellation")
    @Operation(summary = "The requester cancels, at least 2 hours before the start (R-SERVICE-7)")
    @BranchRoles(Role.MEMBER)
    public ServiceRequestView cancel(@PathParam("branch") String branch, @PathParam("id") String id,
            @Valid Cancellation cancellation) {
        String reason = cancellation == null ? null : cancellation.reason();
        ServiceRequest request = cancellations.cancel(requestId(id), person.id(), reason);
        return ServiceRequestView.of(request, clock.now());
    }

    @POST
    @Transactional
    @Path("/{id}/no-show")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Record that the volunteer did not come: a 5-point penalty, once (R-SERVICE-8)")
    public RestResponse<NoShowOutcome> noShow(@PathParam("branch") String branch, @PathParam("id") String id,
            @Valid @NotNull Finding finding) {
        Cancellations.NoShow noShow = cancellations.noShow(requestId(id), finding.reason(), caller.username());
        return nothingNewUnless(noShow.recordedNow(), new NoShowOutcome(
                ServiceRequestView.of(noShow.request(), clock.now()), Points.format(Cancellations.NO_SHOW_PENALTY),
                Points.format(noShow.penalty().amount()), Points.format(noShow.penalty().shortfall())));
    }

    @POST
    @Transactional
    @Path("/{id}/malicious-cancellation")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Judge a cancellation malicious: the requester may not post for a month (R-SERVICE-9)")
    public MaliciousOutcome malicious(@PathParam("branch") String branch, @PathParam("id") String id,
            @Valid @NotNull Finding finding) {
        Cancellations.Judgement judgement = cancellations.judgeMalicious(requestId(id), finding.reason(),
                caller.username());
        return new MaliciousOutcome(ServiceRequestView.of(judgement.request(), clock.now()), judgement.frozenUntil());
    }
}
