package cn.tongyi.core.complaint;

import cn.tongyi.core.export.Xlsx;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.member.Member;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-COMPLAINT-1..3: staff enter complaints made by phone or in person, members file theirs in the app; stewards and
 * the head contact and resolve them against the clocks; only the head applies a sanction.
 */
@Path("/api/branches/{branch}/complaints")
@Tag(name = "Complaints")
public class ComplaintResource {

    public record ComplaintRequest(Complaint.Channel channel, @NotNull Complaint.SubjectType subjectType,
            @NotBlank @Size(max = 60) String subjectRef, UUID complainantMemberId,
            @NotBlank @Size(max = 1000) String description) {
    }

    public record ContactRequest(@NotBlank @Size(max = 500) String note) {
    }

    public record ResolutionRequest(@NotBlank @Size(max = 1000) String resolution,
            @NotNull Complaint.Outcome outcome, UUID volunteerMemberId, @Positive BigDecimal penaltyPoints) {
    }

    static final List<String> LEDGER_HEADER = List.of("编号 Id", "渠道 Channel", "对象 Subject", "对象编号 Subject id",
            "内容 Description", "受理时间 Received", "受理人 Received by", "联系时限 Contact due", "联系时间 Contacted",
            "处理时限 Resolve due", "办结时间 Resolved", "处理结果 Resolution", "结论 Outcome", "扣分 Points deducted",
            "超时 Late");

    private final Complaints complaints;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;

    ComplaintResource(Complaints complaints, CurrentBranch currentBranch, CallerGrants caller, CurrentPerson person) {
        this.complaints = complaints;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
    }

    @POST
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD, Role.MEMBER})
    @Operation(summary = "Record a complaint: staff enter phone and in-person ones (channel PHONE or IN_PERSON); a "
            + "member's own is an APP complaint. The 1-hour contact and 24-hour resolution clocks start now")
    public RestResponse<Complaint> receive(@PathParam("branch") String branch,
            @Valid @NotNull ComplaintRequest request) {
        boolean staff = currentBranch.hasAny(Role.STEWARD, Role.BRANCH_HEAD);
        Complaint received;
        if (staff) {
            received = complaints.receiveFromStaff(currentBranch.require(), new Complaints.NewComplaint(
                    request.channel(), request.subjectType(), request.subjectRef().strip(),
                    request.complainantMemberId(), request.description().strip()), caller.username());
        } else {
            Member me = Member.find("personId", person.id()).firstResult();
            if (me == null) {
                throw ApiProblem.forbidden("not-a-member", "Only a member of this branch files a complaint here");
            }
            received = complaints.receive(currentBranch.require(), new Complaints.NewComplaint(Complaint.Channel.APP,
                    request.subjectType(), request.subjectRef().strip(), me.id, request.description().strip()),
                    caller.username());
        }
        return RestResponse.ResponseBuilder.<Complaint>created(URI.create(
                "/api/branches/" + branch + "/complaints/" + received.id())).entity(received).build();
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "The complaint ledger, newest first, with each clock and whether it is overdue")
    public List<Complaint> list(@PathParam("branch") String branch,
            @QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return complaints.ledger(currentBranch.require(), open, limit);
    }

    @GET
    @Path("/export")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "The complaint ledger (投诉处理台账) as XLSX, newest first (at most 5,000 complaints)")
    public RestResponse<byte[]> export(@PathParam("branch") String branch) {
        List<List<Object>> rows = complaints.ledger(currentBranch.require(), false, 5000).stream()
                .map(ComplaintResource::ledgerRow).toList();
        return Xlsx.download("complaints-" + branch + ".xlsx", "投诉处理台账", LEDGER_HEADER, rows);
    }

    @GET
    @Path("/{complaintId}")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "A complaint with its clocks")
    public Complaint get(@PathParam("branch") String branch, @PathParam("complaintId") UUID complaintId) {
        return complaints.require(currentBranch.require(), complaintId);
    }

    @POST
    @Path("/{complaintId}/contact")
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Record the first contact with the complainant (due within 1 hour)")
    public RestResponse<Complaint> contact(@PathParam("branch") String branch,
            @PathParam("complaintId") UUID complaintId, @Valid @NotNull ContactRequest request) {
        return RestResponse.ok(complaints.contact(currentBranch.require(), complaintId, request.note().strip(),
                caller.username()));
    }

    @POST
    @Path("/{complaintId}/resolution")
    @Idempotent
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Resolve a complaint (due within 24 hours). Outcomes with a sanction are the head's: "
            + "VOLUNTEER_BELOW_STANDARD (points deducted, a week's suspension, retraining), MALICIOUS (request right "
            + "frozen a month), MALICIOUS_SERIOUS (membership revoked)")
    public RestResponse<Complaint> resolve(@PathParam("branch") String branch,
            @PathParam("complaintId") UUID complaintId, @Valid @NotNull ResolutionRequest request) {
        Long penalty = request.penaltyPoints() == null ? null : Points.parse(request.penaltyPoints());
        return RestResponse.ok(complaints.resolve(currentBranch.require(), complaintId, new Complaints.Resolution(
                request.resolution().strip(), request.outcome(), request.volunteerMemberId(), penalty),
                currentBranch.has(Role.BRANCH_HEAD), caller.username()));
    }

    private static List<Object> ledgerRow(Complaint c) {
        return Arrays.asList(c.id().toString(), c.channel().name(), c.subjectType().name(), c.subjectRef(),
                c.description(), c.receivedAt().toString(), c.receivedBy(), c.contactDueAt().toString(),
                c.contactedAt() == null ? null : c.contactedAt().toString(), c.resolveDueAt().toString(),
                c.resolvedAt() == null ? null : c.resolvedAt().toString(), c.resolution(),
                c.outcome() == null ? null : c.outcome().name(),
                c.penaltyPoints() == null ? null : Points.format(c.penaltyPoints()),
                c.contactOverdue() || c.resolutionOverdue() ? "是" : "否");
    }
}
