package cn.tongyi.core.incident;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** R-INCIDENT-1..3: safety incidents during a service order, the response to them, the emergency fund, the report. */
@Path("/api/branches/{branch}/incidents")
@Tag(name = "Safety incidents")
public class IncidentResource {

    public record IncidentRequest(@NotBlank @Size(max = 40) String serviceRequestId, UUID injuredMemberId,
            @NotBlank @Size(max = 200) String place, @NotBlank @Size(max = 1000) String whatHappened,
            @NotBlank @Size(max = 500) String injuries, @NotNull OffsetDateTime occurredAt) {
    }

    public record ResponseRequest(OffsetDateTime stewardArrivedAt, OffsetDateTime ambulanceCalledAt) {
    }

    public record FundRequest(@NotNull @Positive Long amountFen, @NotBlank @Size(max = 60) String reference) {
    }

    public record ReportRequest(@NotBlank @Size(max = 2000) String causes,
            @NotBlank @Size(max = 2000) String improvements) {
    }

    private final Incidents incidents;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;

    IncidentResource(Incidents incidents, CurrentBranch currentBranch, CallerGrants caller) {
        this.incidents = incidents;
        this.currentBranch = currentBranch;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.VOLUNTEER})
    @Operation(summary = "Report an incident during a service order at once: who (the injured member's id), where, "
            + "what, injuries. Raises IncidentReported; the report is due within 24 hours")
    public RestResponse<Incident> report(@PathParam("branch") String branch, @Valid @NotNull IncidentRequest request) {
        Incident incident = incidents.report(currentBranch.require(), new Incidents.NewIncident(
                incidents.orderOf(request.serviceRequestId()), request.injuredMemberId(), request.place().strip(),
                request.whatHappened().strip(), request.injuries().strip(), request.occurredAt()), caller.username());
        return RestResponse.ResponseBuilder.<Incident>created(URI.create(
                "/api/branches/" + branch + "/incidents/" + incident.id())).entity(incident).build();
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE})
    @Operation(summary = "Incidents, newest first, with their report clock")
    public List<Incident> list(@PathParam("branch") String branch,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return incidents.list(currentBranch.require(), limit);
    }

    @GET
    @Path("/{incidentId}")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE})
    @Operation(summary = "An incident with its response times, emergency-fund movements and report")
    public Incident get(@PathParam("branch") String branch, @PathParam("incidentId") UUID incidentId) {
        return incidents.require(currentBranch.require(), incidentId);
    }

    @POST
    @Path("/{incidentId}/response")
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Record the steward's arrival on site and/or the call to 120, with their times")
    public RestResponse<Incident> respond(@PathParam("branch") String branch,
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ResponseRequest request) {
        return RestResponse.ok(incidents.respond(currentBranch.require(), incidentId, request.stewardArrivedAt(),
                request.ambulanceCalledAt(), caller.username()));
    }

    @POST
    @Path("/{incidentId}/advances")
    @Idempotent
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Record an emergency-fund advance (from the mutual-aid fund) for urgent medical costs, in fen")
    public RestResponse<Incident> advance(@PathParam("branch") String branch,
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull FundRequest request) {
        return RestResponse.ok(incidents.fundMovement(currentBranch.require(), incidentId,
                Incident.MovementKind.ADVANCE, request.amountFen(), request.reference().strip(), caller.username()));
    }

    @POST
    @Path("/{incidentId}/reimbursements")
    @Idempotent
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Record the insurer's payout reimbursing the fund (at most the advance outstanding), in fen")
    public RestResponse<Incident> reimburse(@PathParam("branch") String branch,
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull FundRequest request) {
        return RestResponse.ok(incidents.fundMovement(currentBranch.require(), incidentId,
                Incident.MovementKind.REIMBURSEMENT, request.amountFen(), request.reference().strip(),
                caller.username()));
    }

    @POST
    @Path("/{incidentId}/report")
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "File the incident report with causes and process improvements (due within 24 hours)")
    public RestResponse<Incident> fileReport(@PathParam("branch") String branch,
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ReportRequest request) {
        return RestResponse.ok(incidents.fileReport(currentBranch.require(), incidentId, request.causes().strip(),
                request.improvements().strip(), caller.username()));
    }
}
