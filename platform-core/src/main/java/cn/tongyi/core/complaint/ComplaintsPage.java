package cn.tongyi.core.complaint;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.privacy.OpaqueIds;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The complaint desk of the staff console (R-COMPLAINT-1..4): open complaints with their two clocks in words, intake
 * of a phone or in-person complaint, first contact, resolution (sanctions are the head's, as in the API), the XLSX
 * ledger, and the disputes referred to the supervision group with their ruling's deadline. The API's service does the
 * work, checked with the API's request records (its own @Idempotent methods need the header a form cannot send).
 */
@Path("/s/{branch}/complaints")
@Produces(PageErrors.HTML)
public class ComplaintsPage {

    /** A complaint as a row: each clock in words, and whether it is late, said in words too. */
    @TemplateData
    public record Row(String id, String shortId, String channel, String subject, String subjectRef,
            String description, String receivedAt, String receivedBy, String contactClock, boolean contactLate,
            String contactedAt, String contactNote, String resolveClock, boolean resolveLate, String resolvedAt,
            String resolution, String outcome, boolean open, boolean contacted) {
    }

    @TemplateData
    public record ReferralRow(String id, String dispute, String reason, String referredAt, String rulingDue,
            String state, boolean late) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    @Inject
    @Location("care/complaints.html")
    Template list;

    @Inject
    @Location("care/complaint.html")
    Template detail;

    private final ComplaintResource api;
    private final DisputeReferralResource referrals;
    private final Complaints complaints;
    private final DisputeReferrals disputes;
    private final ConsolePages pages;
    private final PageWrites writes;
    private final CurrentBranch branch;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final Validator validator;
    private final OpaqueIds opaqueIds;

    ComplaintsPage(ComplaintResource api, DisputeReferralResource referrals, Complaints complaints,
            DisputeReferrals disputes, ConsolePages pages, PageWrites writes, CurrentBranch branch,
            CallerGrants caller, BusinessClock clock, Validator validator, OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.caller = caller;
        this.api = api;
        this.referrals = referrals;
        this.complaints = complaints;
        this.disputes = disputes;
        this.pages = pages;
        this.writes = writes;
        this.branch = branch;
        this.clock = clock;
        this.validator = validator;
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public String list(@PathParam("branch") String code, @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("care.complaints.title");
        OffsetDateTime now = clock.now();
        List<Row> open = complaints.ledger(branch.require(), true, 500).stream().map(c -> row(c, now, page)).toList();
        List<ReferralRow> referred = referrals.list(code).stream().map(r -> referral(r, now, page)).toList();
        List<Choice> referable = disputes.referable(branch.require()).stream().map(d -> {
            String id = opaqueIds.seal(OpaqueIds.Kind.DISPUTE, d.disputeId());
            return new Choice(id, page.t("care.referral.choice", OpaqueIds.shortForm(id), CareWords.when(d.filedAt()))
                    + " · " + page.t("care.referral.points", Points.format(d.centiPoints())));
        }).toList();
        return list.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("open", open).data("referrals", referred).data("referable", referable)
                .data("ledger", pages.apiBase() + "/complaints/export")
                .data("channels", choices(page, "care.channel.", Complaint.Channel.PHONE.name(),
                        Complaint.Channel.IN_PERSON.name()))
                .data("subjects", choices(page, "care.subject.",
                        Arrays.stream(Complaint.SubjectType.values()).map(Enum::name).toArray(String[]::new)))
                .data("problem", pages.problemText(page, problem)).render();
    }

    @GET
    @Path("/{id}")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public String complaint(@PathParam("branch") String code, @PathParam("id") UUID id,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("care.complaint.title");
        Complaint complaint = api.get(code, id);
        boolean head = branch.has(Role.BRANCH_HEAD);
        List<Choice> outcomes = Arrays.stream(Complaint.Outcome.values()).filter(o -> head || !o.sanctions())
                .map(o -> new Choice(o.name(), page.t("care.outcome." + o.name()))).toList();
        return detail.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("c", row(complaint, clock.now(), page)).data("outcomes", outcomes)
                .data("volunteer", complaint.subjectType() == Complaint.SubjectType.VOLUNTEER ? complaint.subjectRef()
                        : "")
                .data("sanction", sanction(complaint, page))
                .data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response receive(@PathParam("branch") String code, @RestForm String idempotencyKey,
            @RestForm String channel, @RestForm String subjectType, @RestForm String subjectRef,
            @RestForm String complainantMemberId, @RestForm String description) {
        try {
            ComplaintResource.ComplaintRequest request = CareForms.valid(validator,
                    new ComplaintResource.ComplaintRequest(value(Complaint.Channel.class, channel),
                            value(Complaint.SubjectType.class, subjectType), CareForms.text(subjectRef),
                            CareForms.id(complainantMemberId, "complainantMemberId"), CareForms.text(description)));
            Complaints.NewComplaint complaint = new Complaints.NewComplaint(request.channel(),
                    request.subjectType(), request.subjectRef(), request.complainantMemberId(),
                    request.description());
            return writes.once(idempotencyKey, new Object[] {complaint}, () -> URI.create(pages.base() + "/complaints/"
                    + complaints.receiveFromStaff(branch.require(), complaint, caller.username()).id()));
        } catch (ApiProblem problem) {
            return pages.refused("/complaints", problem);
        }
    }

    @POST
    @Path("/{id}/contact")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response contact(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String note) {
        String back = "/complaints/" + id;
        try {
            ComplaintResource.ContactRequest request = CareForms.valid(validator,
                    new ComplaintResource.ContactRequest(CareForms.text(note)));
            return writes.once(idempotencyKey, new Object[] {id, request}, () -> {
                complaints.contact(branch.require(), id, request.note(), caller.username());
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    @POST
    @Path("/{id}/resolution")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String resolution, @RestForm String outcome,
            @RestForm String volunteerMemberId, @RestForm String penaltyPoints) {
        String back = "/complaints/" + id;
        try {
            ComplaintResource.ResolutionRequest request = CareForms.valid(validator,
                    new ComplaintResource.ResolutionRequest(CareForms.text(resolution),
                            value(Complaint.Outcome.class, outcome),
                            CareForms.id(volunteerMemberId, "volunteerMemberId"), points(penaltyPoints)));
            Complaints.Resolution decided = new Complaints.Resolution(request.resolution(), request.outcome(),
                    request.volunteerMemberId(),
                    request.penaltyPoints() == null ? null : Points.parse(request.penaltyPoints()));
            return writes.once(idempotencyKey, new Object[] {id, decided}, () -> {
                complaints.resolve(branch.require(), id, decided, branch.has(Role.BRANCH_HEAD), caller.username());
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    /** R-COMPLAINT-4: a redemption dispute the steward cannot settle goes to the supervision group. */
    @POST
    @Path("/referrals")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response refer(@PathParam("branch") String code, @RestForm String idempotencyKey,
            @RestForm String disputeId, @RestForm String reason) {
        try {
            DisputeReferralResource.ReferralRequest request = CareForms.valid(validator,
                    new DisputeReferralResource.ReferralRequest(disputeId, CareForms.text(reason)));
            return writes.once(idempotencyKey, new Object[] {request}, () -> {
                disputes.refer(branch.require(), referrals.disputeOf(request), request.reason(), caller.username());
                return URI.create(pages.base() + "/complaints#referrals");
            });
        } catch (ApiProblem problem) {
            return pages.refused("/complaints", problem);
        }
    }

    private static Row row(Complaint c, OffsetDateTime now, Page page) {
        return new Row(c.id().toString(), CareWords.shortId(c.id()), page.t("care.channel." + c.channel()),
                page.t("care.subject." + c.subjectType()), c.subjectRef(), c.description(),
                CareWords.when(c.receivedAt()), c.receivedBy(),
                CareWords.clock(page, c.contactDueAt(), c.contactedAt(), now), c.contactOverdue(),
                CareWords.when(c.contactedAt()), c.contactNote(),
                CareWords.clock(page, c.resolveDueAt(), c.resolvedAt(), now), c.resolutionOverdue(),
                CareWords.when(c.resolvedAt()), c.resolution(),
                c.outcome() == null ? "" : page.t("care.outcome." + c.outcome()), c.resolvedAt() == null,
                c.contactedAt() != null);
    }

    /** What the resolution did to whom, in words; empty when it sanctioned nobody. */
    private static String sanction(Complaint c, Page page) {
        if (c.outcome() == null || !c.outcome().sanctions()) {
            return "";
        }
        return switch (c.outcome()) {
            case VOLUNTEER_BELOW_STANDARD -> page.t("care.sanction.volunteer",
                    c.penaltyPoints() == null ? "0" : Points.format(c.penaltyPoints()), c.sanctionedUntil());
            case MALICIOUS -> page.t("care.sanction.frozen", c.sanctionedUntil());
            default -> page.t("care.sanction.revoked");
        };
    }

    private ReferralRow referral(DisputeReferrals.Referral r, OffsetDateTime now, Page page) {
        String state;
        if (r.publishedAt() != null) {
            state = page.t(Boolean.TRUE.equals(r.upheld()) ? "care.referral.upheld" : "care.referral.dismissed",
                    CareWords.when(r.publishedAt()));
        } else {
            OffsetDateTime deadline = r.rulingDueOn().plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
            state = CareWords.clock(page, deadline, null, now);
        }
        return new ReferralRow(r.id().toString(), "#" + OpaqueIds.shortForm(opaqueIds.seal(OpaqueIds.Kind.DISPUTE, r.disputeId())),
                r.reason(), CareWords.when(r.referredAt()),
                r.rulingDueOn().toString(), state, r.late());
    }

    private static List<Choice> choices(Page page, String prefix, String... values) {
        return Arrays.stream(values).map(v -> new Choice(v, page.t(prefix + v))).toList();
    }

    private static BigDecimal points(String value) {
        if (CareForms.text(value) == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("penalty-required", "penaltyPoints", "Points as a number");
        }
    }

    /** A choice of the form as the API's enum; an empty or unknown one leaves the API's own check to refuse it. */
    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
