package cn.tongyi.core.activity;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.CurrentPerson;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** R-ACTIVITY-1..4: the branch's monthly community activities, from the members' proposals to the summary. */
@Path("/api/branches/{branch}/activities")
@Tag(name = "Activities")
public class ActivityResource {

    public record ProposalRequest(@NotBlank @Size(max = 100) String title,
            @NotBlank @Size(max = 1000) String description) {
    }

    public record Choice(@NotEmpty List<@NotNull UUID> proposalIds) {
    }

    public record PlanRequest(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt,
            @NotBlank @Size(max = 200) String place, @NotBlank @Size(max = 2000) String program,
            @NotBlank @Size(max = 1000) String materials, @NotNull @PositiveOrZero Long budgetFen,
            @PositiveOrZero Long sponsorshipFen, @Size(max = 100) String sponsor) {
    }

    public record ExpenseRequest(@NotBlank @Size(max = 100) String payee) {
    }

    public record MemberRef(@NotNull UUID memberId) {
    }

    public record SignIn(UUID memberId) {
    }

    public record Feedback(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 500) String comment) {
    }

    public record Summary(@NotBlank @Size(max = 4000) String summary) {
    }

    private final Activities activities;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;

    ActivityResource(Activities activities, CurrentBranch currentBranch, CallerGrants caller, CurrentPerson person) {
        this.activities = activities;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
    }

    @POST
    @Path("/months/{month}/proposals")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Propose an activity for a month (YYYY-MM)")
    public RestResponse<Activities.Proposal> propose(@PathParam("branch") String branch,
            @PathParam("month") String month, @Valid @NotNull ProposalRequest request) {
        Activities.Proposal proposal = activities.propose(currentBranch.require(), month(month),
                request.title().strip(), request.description().strip(), me().id);
        return RestResponse.status(RestResponse.Status.CREATED, proposal);
    }

    @GET
    @Path("/months/{month}/proposals")
    @BranchRoles({Role.MEMBER, Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "The month's proposals, most votes first")
    public List<Activities.Proposal> proposals(@PathParam("branch") String branch, @PathParam("month") String month) {
        return activities.proposals(currentBranch.require(), month(month));
    }

    @POST
    @Path("/proposals/{proposalId}/votes")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Vote for a proposal: one vote per member per proposal (a second changes nothing)")
    public RestResponse<Activities.Proposal> vote(@PathParam("branch") String branch,
            @PathParam("proposalId") UUID proposalId) {
        return RestResponse.ok(activities.vote(currentBranch.require(), proposalId, me().id));
    }

    @POST
    @Path("/months/{month}/choice")
    @Idempotent
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Choose 2 or 3 of the month's proposals: each becomes an activity to plan")
    public RestResponse<List<Activity>> choose(@PathParam("branch") String branch, @PathParam("month") String month,
            @Valid @NotNull Choice choice) {
        return RestResponse.status(RestResponse.Status.CREATED,
                activities.choose(currentBranch.require(), month(month), choice.proposalIds(), caller.username()));
    }

    @GET
    @Path("/months/{month}")
    @BranchRoles({Role.MEMBER, Role.STEWARD, Role.BRANCH_HEAD, Role.VOLUNTEER})
    @Operation(summary = "The month's activities with plan, sponsorship, attendance, satisfaction and summary")
    public List<Activity> list(@PathParam("branch") String branch, @PathParam("month") String month) {
        return activities.list(currentBranch.require(), month(month));
    }

    @GET
    @Path("/{activityId}")
    @BranchRoles({Role.MEMBER, Role.STEWARD, Role.BRANCH_HEAD, Role.VOLUNTEER})
    @Operation(summary = "An activity")
    public Activity get(@PathParam("branch") String branch, @PathParam("activityId") UUID activityId) {
        return activities.require(currentBranch.require(), activityId);
    }

    @PUT
    @Path("/{activityId}/plan")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Plan: time, place, program, materials, budget in fen (at most 200000 = 2,000.00 CNY), "
            + "sponsorship; fixed once announced")
    public RestResponse<Activity> plan(@PathParam("branch") String branch, @PathParam("activityId") UUID activityId,
            @Valid @NotNull PlanRequest request) {
        return RestResponse.ok(activities.plan(currentBranch.require(), activityId, new Activities.Plan(
                request.startsAt(), request.endsAt(), request.place().strip(), request.program().strip(),
                request.materials().strip(), request.budgetFen(),
                request.sponsorshipFen() == null ? 0 : request.sponsorshipFen(), request.sponsor())));
    }

    @POST
    @Path("/{activityId}/expense")
    @Idempotent
    @BranchRoles(Role.BRANCH_HEAD)
    @Operation(summary = "Request the activity's cost (budget less sponsorship) as an expense, approved and paid as "
            + "every expense")
    public RestResponse<Activity> expense(@PathParam("branch") String branch, @PathParam("activityId") UUID activityId,
            @Valid @NotNull ExpenseRequest request) {
        return RestResponse.ok(activities.requestExpense(currentBranch.require(), activityId, request.payee().strip(),
                person.id(), caller.username()));
    }

    @POST
    @Path("/{activityId}/announcement")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Announce into every member's inbox, at least 7 days ahead; answers the solitary members of "
            + "each building with their stewards, to invite in person")
    public RestResponse<List<Activities.ToInvite>> announce(@PathParam("branch") String branch,
            @PathParam("activityId") UUID activityId) {
        return RestResponse.ok(activities.announce(currentBranch.require(), activityId));
    }

    @PUT
    @Path("/solitary-members")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Put a member who lives alone on the register of solitary members to invite in person")
    public RestResponse<Void> markSolitary(@PathParam("branch") String branch, @Valid @NotNull MemberRef member) {
        activities.markSolitary(currentBranch.require(), member.memberId(), caller.username());
        return RestResponse.noContent();
    }

    @POST
    @Path("/{activityId}/invitations")
    @Idempotent
    @BranchRoles(Role.STEWARD)
    @Operation(summary = "Record that a solitary member was invited in person")
    public RestResponse<List<Activities.ToInvite>> invite(@PathParam("branch") String branch,
            @PathParam("activityId") UUID activityId, @Valid @NotNull MemberRef member) {
        return RestResponse.ok(activities.invite(currentBranch.require(), activityId, member.memberId(),
                caller.username()));
    }

    @POST
    @Path("/{activityId}/sign-ins")
    @Idempotent
    @BranchRoles({Role.MEMBER, Role.VOLUNTEER, Role.STEWARD})
    @Operation(summary = "Sign in: a member for themselves (no memberId), a volunteer or steward on a member's behalf")
    public RestResponse<Activity> signIn(@PathParam("branch") String branch, @PathParam("activityId") UUID activityId,
            SignIn signIn) {
        UUID memberId;
        if (signIn != null && signIn.memberId() != null) {
            if (!currentBranch.hasAny(Role.VOLUNTEER, Role.STEWARD)) {
                throw ApiProblem.forbidden("sign-in-for-others", "Only a volunteer or steward signs others in");
            }
            memberId = signIn.memberId();
        } else {
            memberId = me().id;
        }
        return RestResponse.ok(activities.signIn(currentBranch.require(), activityId, memberId, caller.username()));
    }

    @POST
    @Path("/{activityId}/feedback")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "The satisfaction form: a score 1–5 and a comment, once, by a member who signed in")
    public RestResponse<Activity> feedback(@PathParam("branch") String branch,
            @PathParam("activityId") UUID activityId, @Valid @NotNull Feedback feedback) {
        return RestResponse.ok(activities.feedback(currentBranch.require(), activityId, me().id, feedback.score(),
                feedback.comment()));
    }

    @POST
    @Path("/{activityId}/summary")
    @Idempotent
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "File the summary, due within 24 hours after the end (flagged late after that)")
    public RestResponse<Activity> summarize(@PathParam("branch") String branch,
            @PathParam("activityId") UUID activityId, @Valid @NotNull Summary summary) {
        return RestResponse.ok(activities.summarize(currentBranch.require(), activityId, summary.summary().strip(),
                caller.username()));
    }

    private Member me() {
        Member me = Member.find("personId", person.id()).firstResult();
        if (me == null) {
            throw ApiProblem.forbidden("not-a-member", "Only a member of this branch does this");
        }
        return me;
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("invalid-month", "month", "A month is YYYY-MM");
        }
    }
}
