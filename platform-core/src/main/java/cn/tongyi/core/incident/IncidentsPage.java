package cn.tongyi.core.incident;

import cn.tongyi.core.complaint.CareForms;
import cn.tongyi.core.complaint.CareWords;
import cn.tongyi.core.finance.Yuan;
import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.member.Member;
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
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Safety incidents in the staff console (R-INCIDENT-1..3): an incident during a service order reported at once, the
 * steward's arrival and the call to 120 with their times in words, the emergency fund's advance and the insurer's
 * reimbursement (finance and the head, as in the API), and the report due within 24 hours. {@link Incidents} does
 * the work, checked with the API's request records.
 */
@Path("/s/{branch}/incidents")
@Produces(PageErrors.HTML)
public class IncidentsPage {

    /** The value a {@code datetime-local} field starts with: now, on the branch's wall clock. */
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TemplateData
    public record Row(String id, String shortId, String order, String injured, String place,
            String whatHappened, String injuries, String occurredAt, String reportedAt, String reportedBy,
            String arrival, boolean arrived, String ambulance, boolean ambulanceCalled, String reportClock,
            boolean reportLate, boolean reportFiled, String causes, String improvements, String outstanding) {
    }

    @TemplateData
    public record OrderChoice(String id, String label) {
    }

    @TemplateData
    public record MovementRow(String kind, String yuan, String reference, String recordedAt, String recordedBy) {
    }

    @Inject
    @Location("care/incidents.html")
    Template list;

    @Inject
    @Location("care/incident.html")
    Template detail;

    private final Incidents incidents;
    private final ConsolePages pages;
    private final PageWrites writes;
    private final CurrentBranch branch;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final Validator validator;
    private final OpaqueIds opaqueIds;

    IncidentsPage(Incidents incidents, ConsolePages pages, PageWrites writes, CurrentBranch branch,
            CallerGrants caller, BusinessClock clock, Validator validator, OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.incidents = incidents;
        this.pages = pages;
        this.writes = writes;
        this.branch = branch;
        this.caller = caller;
        this.clock = clock;
        this.validator = validator;
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE})
    @Operation(hidden = true)
    public String list(@PathParam("branch") String code, @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("care.incidents.title");
        OffsetDateTime now = clock.now();
        return list.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("incidents", incidents.list(branch.require(), 100).stream().map(i -> row(i, now, page)).toList())
                .data("orders", incidents.recentOrders(branch.require()).stream().map(o -> new OrderChoice(
                        opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, o.id()), (page.english() ? o.serviceEn()
                                : o.serviceZh()) + " · " + o.requester() + " · " + CareWords.when(o.startsAt())))
                        .toList())
                .data("responder", branch.hasAny(Role.STEWARD, Role.BRANCH_HEAD))
                .data("now", FIELD.format(now.atZoneSameInstant(BusinessClock.ZONE)))
                .data("problem", pages.problemText(page, problem)).render();
    }

    @GET
    @Path("/{id}")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE})
    @Operation(hidden = true)
    public String incident(@PathParam("branch") String code, @PathParam("id") UUID id,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("care.incident.title");
        OffsetDateTime now = clock.now();
        Incident incident = incidents.require(branch.require(), id);
        List<MovementRow> movements = incident.fundMovements().stream().map(m -> new MovementRow(
                page.t("care.fund." + m.kind()), Yuan.of(m.amountFen()), m.reference(),
                CareWords.when(m.recordedAt()), m.recordedBy())).toList();
        return detail.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("i", row(incident, now, page)).data("movements", movements)
                .data("responder", branch.hasAny(Role.STEWARD, Role.BRANCH_HEAD))
                .data("fund", branch.hasAny(Role.FINANCE, Role.BRANCH_HEAD))
                .data("now", FIELD.format(now.atZoneSameInstant(BusinessClock.ZONE)))
                .data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response report(@PathParam("branch") String code, @RestForm String idempotencyKey,
            @RestForm String serviceRequestId, @RestForm String injuredMemberId, @RestForm String place,
            @RestForm String whatHappened, @RestForm String injuries, @RestForm String occurredAt) {
        try {
            IncidentResource.IncidentRequest request = CareForms.valid(validator, new IncidentResource.IncidentRequest(
                    serviceRequestId, CareForms.id(injuredMemberId, "injuredMemberId"), CareForms.text(place),
                    CareForms.text(whatHappened), CareForms.text(injuries), CareForms.time(occurredAt, "occurredAt")));
            Incidents.NewIncident incident = new Incidents.NewIncident(incidents.orderOf(request.serviceRequestId()),
                    request.injuredMemberId(), request.place(), request.whatHappened(), request.injuries(),
                    request.occurredAt());
            return writes.once(idempotencyKey, new Object[] {incident}, () -> URI.create(pages.base()
                    + "/incidents/" + incidents.report(branch.require(), incident, caller.username()).id()));
        } catch (ApiProblem problem) {
            return pages.refused("/incidents", problem);
        }
    }

    @POST
    @Path("/{id}/response")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response respond(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String stewardArrivedAt, @RestForm String ambulanceCalledAt) {
        String back = "/incidents/" + id;
        try {
            OffsetDateTime arrived = CareForms.time(stewardArrivedAt, "stewardArrivedAt");
            OffsetDateTime called = CareForms.time(ambulanceCalledAt, "ambulanceCalledAt");
            return writes.once(idempotencyKey, new Object[] {id, arrived, called}, () -> {
                incidents.respond(branch.require(), id, arrived, called, caller.username());
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    @POST
    @Path("/{id}/advances")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response advance(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String amount, @RestForm String reference) {
        return fundMovement(id, Incident.MovementKind.ADVANCE, idempotencyKey, amount, reference);
    }

    @POST
    @Path("/{id}/reimbursements")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reimburse(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String amount, @RestForm String reference) {
        return fundMovement(id, Incident.MovementKind.REIMBURSEMENT, idempotencyKey, amount, reference);
    }

    @POST
    @Path("/{id}/report")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response fileReport(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String causes, @RestForm String improvements) {
        String back = "/incidents/" + id;
        try {
            IncidentResource.ReportRequest request = CareForms.valid(validator,
                    new IncidentResource.ReportRequest(CareForms.text(causes), CareForms.text(improvements)));
            return writes.once(idempotencyKey, new Object[] {id, request}, () -> {
                incidents.fileReport(branch.require(), id, request.causes(), request.improvements(),
                        caller.username());
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    private Response fundMovement(UUID id, Incident.MovementKind kind, String idempotencyKey, String amount,
            String reference) {
        String back = "/incidents/" + id;
        try {
            IncidentResource.FundRequest request = CareForms.valid(validator,
                    new IncidentResource.FundRequest(CareForms.fen(amount, "amountFen"), CareForms.text(reference)));
            return writes.once(idempotencyKey, new Object[] {id, kind, request}, () -> {
                incidents.fundMovement(branch.require(), id, kind, request.amountFen(), request.reference(),
                        caller.username());
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    private Row row(Incident i, OffsetDateTime now, Page page) {
        return new Row(i.id().toString(), CareWords.shortId(i.id()),
                "#" + OpaqueIds.shortForm(opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, i.serviceRequestId())),
                injured(i.injuredMemberId()), i.place(), i.whatHappened(),
                i.injuries(), CareWords.when(i.occurredAt()), CareWords.when(i.reportedAt()), i.reportedBy(),
                after(i.stewardArrivedAt(), i, page), i.stewardArrivedAt() != null,
                after(i.ambulanceCalledAt(), i, page), i.ambulanceCalledAt() != null,
                CareWords.clock(page, i.reportDueAt(), i.reportFiledAt(), now), i.reportOverdue(),
                i.reportFiledAt() != null, i.causes(), i.improvements(), Yuan.of(i.outstandingAdvanceFen()));
    }

    /** The injured member by name, with the start of their id to tell namesakes apart; empty when not a member. */
    private static String injured(UUID memberId) {
        Member member = memberId == null ? null : Member.findById(memberId);
        return member == null ? "" : member.name + "（" + CareWords.shortId(member.id) + "）";
    }

    /** "2026-12-02 14:05，事发后 12 分钟", or "not yet" in words. */
    private static String after(OffsetDateTime time, Incident incident, Page page) {
        return time == null ? page.t("care.incident.notYet") : page.t("care.incident.after", CareWords.when(time),
                CareWords.span(page, Duration.between(incident.occurredAt(), time)));
    }
}
