package cn.tongyi.core.governance;

import cn.tongyi.core.member.Member;
import cn.tongyi.core.privacy.Masks;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The branch's governance bodies (R-FIN-2's council, R-FIN-4's supervision group): the head appoints them, members
 * and staff read who sits on them. Names are masked for members, as in every member list (ADR 6).
 */
@Path("/api/branches/{branch}/governance")
@Tag(name = "Governance", description = "The member representative council and the quarterly finance supervision group")
public class GovernanceResource {

    public record SeatView(UUID memberId, String name) {
    }

    public record Body(String period, List<SeatView> members) {
    }

    public record CouncilSeatView(UUID memberId, String name, LocalDate seatedOn, LocalDate endedOn,
            String appointedBy, OffsetDateTime appointedAt, String endedBy, OffsetDateTime endedAt) {
    }

    public record Appointment(@NotNull UUID memberId) {
    }

    public record Group(@NotNull List<@NotNull UUID> memberIds) {
    }

    private final GovernanceBodies bodies;
    private final Appointments appointments;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final BusinessClock clock;

    GovernanceResource(GovernanceBodies bodies, Appointments appointments, CurrentBranch currentBranch,
            CallerGrants caller, BusinessClock clock) {
        this.bodies = bodies;
        this.appointments = appointments;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/council")
    @BranchRoles({Role.BRANCH_HEAD, Role.FINANCE, Role.STEWARD, Role.MEMBER})
    @Operation(summary = "The member representative council on a day (default today)")
    public Body council(@PathParam("branch") String branch, @QueryParam("date") LocalDate date) {
        LocalDate day = date != null ? date : clock.today();
        return new Body(day.toString(), views(bodies.council(currentBranch.require(), day)));
    }

    @GET
    @Path("/council/history")
    @BranchRoles({Role.BRANCH_HEAD, Role.FINANCE})
    @Operation(summary = "Every council seat ever held: who appointed it, when it began and ended")
    public List<CouncilSeatView> councilHistory(@PathParam("branch") String branch) {
        return CouncilSeat.<CouncilSeat>listAll(Sort.by("seatedOn").and("appointedAt")).stream()
                .map(GovernanceResource::view).toList();
    }

    @POST
    @Path("/council/seats")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Seat a co-creation member on the council from today (at most 10 seats)")
    public RestResponse<CouncilSeatView> seat(@PathParam("branch") String branch,
            @Valid @NotNull Appointment appointment) {
        CouncilSeat seat = appointments.seatOnCouncil(appointment.memberId(), caller.username());
        return RestResponse.status(RestResponse.Status.CREATED, view(seat));
    }

    @DELETE
    @Path("/council/seats/{memberId}")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "End a member's council seat today; the seat stays in the history")
    public CouncilSeatView endSeat(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId) {
        return view(appointments.endCouncilSeat(memberId, caller.username()));
    }

    @GET
    @Path("/supervision-groups/{quarter}")
    @BranchRoles({Role.BRANCH_HEAD, Role.FINANCE, Role.STEWARD, Role.MEMBER})
    @Operation(summary = "The finance supervision group of a quarter (YYYY-Qn)")
    public Body supervisionGroup(@PathParam("branch") String branch, @PathParam("quarter") String quarter) {
        Quarter q = Quarter.parse(quarter);
        return new Body(q.toString(), views(bodies.supervisionGroup(currentBranch.require(), q)));
    }

    @PUT
    @Path("/supervision-groups/{quarter}")
    @Transactional
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Appoint a quarter's supervision group: exactly 3 co-creation members who are not staff; "
            + "replaces an earlier appointment, which stays in the history")
    public Body appointSupervisionGroup(@PathParam("branch") String branch, @PathParam("quarter") String quarter,
            @Valid @NotNull Group group) {
        Quarter q = Quarter.parse(quarter);
        appointments.appointSupervisionGroup(q, group.memberIds(), currentBranch.require(), caller.username());
        return new Body(q.toString(), views(bodies.supervisionGroup(currentBranch.require(), q)));
    }

    private List<SeatView> views(List<GovernanceBodies.Seat> seats) {
        boolean staff = currentBranch.hasAny(Role.BRANCH_HEAD, Role.FINANCE, Role.STEWARD);
        return seats.stream().map(s -> new SeatView(s.memberId(), staff ? s.name() : Masks.name(s.name()))).toList();
    }

    private static CouncilSeatView view(CouncilSeat seat) {
        String name = Member.<Member>findByIdOptional(seat.memberId)
                .map(m -> m.name).orElse(null);
        return new CouncilSeatView(seat.memberId, name, seat.seatedOn, seat.endedOn, seat.appointedBy,
                seat.appointedAt, seat.endedBy, seat.endedAt);
    }
}
