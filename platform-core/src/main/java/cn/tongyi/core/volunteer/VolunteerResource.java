package cn.tongyi.core.volunteer;

import cn.tongyi.core.member.Member;
import cn.tongyi.core.member.MemberAccess;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Volunteers of a branch (R-VOL-1..3). Stewards of the volunteer's building or the head run the certification. */
@Path("/api/branches/{branch}/volunteers")
@Tag(name = "Volunteers")
public class VolunteerResource {

    public record Application(UUID memberId, @NotNull Set<@NotBlank String> skills) {
    }

    public record Training(Boolean day1, Boolean day2) {
    }

    public record ScenarioTest(@NotNull Boolean passed) {
    }

    public record Skills(@NotNull Set<@NotBlank String> skills) {
    }

    public record Suspension(@NotNull LocalDate until, @NotBlank @Size(max = 200) String reason) {
    }

    public record VolunteerView(UUID memberId, String name, Long buildingId, Volunteer.Status status,
            Set<String> skills, LocalDate appliedOn, boolean trainingDay1, boolean trainingDay2,
            Boolean scenarioTestPassed, String certificateNo, OffsetDateTime certifiedAt, LocalDate suspendedUntil) {
    }

    private final VolunteerService volunteers;
    private final MemberAccess access;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;

    VolunteerResource(VolunteerService volunteers, MemberAccess access, CurrentBranch currentBranch,
            BusinessClock clock) {
        this.volunteers = volunteers;
        this.access = access;
        this.currentBranch = currentBranch;
        this.clock = clock;
    }

    @POST
    @Transactional
    @Operation(summary = "Apply to volunteer: a member for themself, or a steward for a member of their building")
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD})
    public RestResponse<VolunteerView> apply(@PathParam("branch") String branch,
            @Valid @NotNull Application application) {
        Member member;
        if (application.memberId() == null) {
            member = access.self();
        } else if (currentBranch.hasAny(Role.BRANCH_HEAD, Role.STEWARD)) {
            member = access.requireCareOf(application.memberId());
        } else {
            throw ApiProblem.forbidden("role-required", "Only stewards apply on behalf of a member");
        }
        Volunteer volunteer = volunteers.apply(member, application.skills());
        return RestResponse.status(RestResponse.Status.CREATED, view(volunteer, member));
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Volunteers of the branch with their certification and skills")
    public List<VolunteerView> list(@PathParam("branch") String branch) {
        return Volunteer.<Volunteer>listAll().stream()
                .map(v -> view(v, Member.findById(v.memberId)))
                .toList();
    }

    @GET
    @Path("/{memberId}")
    @Operation(summary = "A volunteer's record, for the volunteer and for the head and the stewards of their building")
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD})
    public VolunteerView get(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId) {
        Member member = access.find(memberId);
        if (!access.seesClear(member)) {
            member = access.requireCareOf(memberId);
        }
        return view(find(memberId), member);
    }

    @PUT
    @Transactional
    @Path("/{memberId}/training")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Record attendance of the two training days")
    public VolunteerView training(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Training training) {
        Member member = access.requireCareOf(memberId);
        return view(volunteers.recordTraining(find(memberId), member, training.day1(), training.day2()), member);
    }

    @PUT
    @Transactional
    @Path("/{memberId}/scenario-test")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Record the service-scenario test; passing it after both training days issues the certificate")
    public VolunteerView scenarioTest(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull ScenarioTest test) {
        Member member = access.requireCareOf(memberId);
        return view(volunteers.recordScenarioTest(find(memberId), member, test.passed()), member);
    }

    @PUT
    @Transactional
    @Path("/{memberId}/skills")
    @Operation(summary = "Change the skill tags (the volunteer themself, or a steward of their building)")
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD})
    public VolunteerView skills(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Skills skills) {
        Member member = access.find(memberId);
        if (!access.isSelf(member)) {
            member = access.requireCareOf(memberId);
        }
        return view(volunteers.changeSkills(find(memberId), skills.skills()), member);
    }

    @PUT
    @Transactional
    @Path("/{memberId}/suspension")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "Suspend a volunteer until a date (R-VOL-3, R-COMPLAINT-2)")
    public VolunteerView suspend(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId,
            @Valid @NotNull Suspension suspension) {
        Member member = access.requireCareOf(memberId);
        return view(volunteers.suspend(find(memberId), suspension.until(), suspension.reason()), member);
    }

    @DELETE
    @Transactional
    @Path("/{memberId}/suspension")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    public VolunteerView lift(@PathParam("branch") String branch, @PathParam("memberId") UUID memberId) {
        Member member = access.requireCareOf(memberId);
        return view(volunteers.lift(find(memberId)), member);
    }

    private static Volunteer find(UUID memberId) {
        return Volunteer.<Volunteer>findByIdOptional(memberId)
                .orElseThrow(() -> ApiProblem.notFound("volunteer-not-found", "Member " + memberId + " has not applied"));
    }

    private VolunteerView view(Volunteer v, Member member) {
        return new VolunteerView(v.memberId, member.name, member.buildingId, v.statusOn(clock.today()),
                Set.copyOf(v.skills), v.appliedOn, v.trainingDay1, v.trainingDay2, v.scenarioTestPassed,
                v.certificateNo, v.certifiedAt, v.suspendedUntil);
    }
}
