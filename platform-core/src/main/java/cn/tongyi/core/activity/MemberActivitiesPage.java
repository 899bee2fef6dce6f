package cn.tongyi.core.activity;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.member.MemberWords;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Community activities for members (R-ACTIVITY-1..4): this month's and next month's proposals to vote for (or a new
 * one to propose), and the chosen activities with their time and place, to sign in to on the day. The same
 * {@link Activities} operations as the API do the work.
 */
@Path("/m/{branch}/activities")
@Produces(PageErrors.HTML)
public class MemberActivitiesPage {

    static final List<Integer> SCORES = List.of(5, 4, 3, 2, 1);

    @TemplateData
    public record Proposal(UUID id, String month, String title, String description, long votes, boolean chosen) {
    }

    @TemplateData
    /** A decided activity; {@code mine}: whether I signed in to it, {@code rated}: whether I filled in its form. */
    @TemplateData
    public record Planned(UUID id, String title, String when, String place, String program, boolean announced,
            int signedIn, boolean mine, boolean rated) {
    }

    @TemplateData
    public record Score(int value, String label) {
    }

    @TemplateData
    public record MonthChoice(String value, String label) {
    }

    @Inject
    @Location("activity/member.html")
    Template member;

    private final ActivityResource api;
    private final Activities activities;
    private final MemberPages pages;
    private final ConsolePages problems;
    private final PageWrites writes;
    private final CurrentBranch currentBranch;
    private final CurrentPerson me;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final Validator validator;
    private final PlainSql sql;

    MemberActivitiesPage(ActivityResource api, Activities activities, MemberPages pages, ConsolePages problems,
            PageWrites writes, CurrentBranch currentBranch, CurrentPerson me, CallerGrants caller,
            BusinessClock clock, Validator validator, PlainSql sql) {
        this.validator = validator;
        this.sql = sql;
        this.api = api;
        this.activities = activities;
        this.pages = pages;
        this.problems = problems;
        this.writes = writes;
        this.currentBranch = currentBranch;
        this.me = me;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.STEWARD, Role.BRANCH_HEAD, Role.VOLUNTEER})
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("done") String done,
            @QueryParam(MemberWords.PROBLEM) String problem) {
        Page page = pages.page("member.activities.title");
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern(page.t("member.words.monthFormat"), page.locale());
        List<YearMonth> months = months();
        List<Proposal> proposals = months.stream().flatMap(m -> api.proposals(branch, m.toString()).stream()
                .map(p -> new Proposal(p.id(), monthFormat.format(m), p.title(), p.description(), p.votes(),
                        p.chosen()))).toList();
        Set<UUID> signedIn = mine("activity_sign_in");
        Set<UUID> rated = mine("activity_feedback");
        List<Planned> planned = months.stream().flatMap(m -> api.list(branch, m.toString()).stream())
                .map(a -> new Planned(a.id(), a.title(), a.startsAt() == null ? page.t("member.activities.notPlanned")
                        : page.t("member.activities.when", MemberWords.when(page, a.startsAt()),
                                MemberWords.when(page, a.endsAt())), a.place(), a.program(), a.announcedAt() != null,
                        a.signedIn(), signedIn.contains(a.id()), rated.contains(a.id()))).toList();
        return member.data("page", page).data("branch", branch)
                .data("toVote", proposals.stream().filter(p -> !p.chosen()).toList())
                .data("planned", planned)
                .data("scores", SCORES.stream().map(n -> new Score(n, page.t("member.requests.stars." + n))).toList())
                .data("months", months.stream().map(m -> new MonthChoice(m.toString(), monthFormat.format(m))).toList())
                .data("notice", done == null ? null : page.t("member.activities." + done))
                .data("problem", problems.problemText(page, problem)).render();
    }

    @POST
    @Path("/proposals/{id}/votes")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response vote(@PathParam("branch") String branch, @PathParam("id") UUID id,
            @RestForm String idempotencyKey) {
        return write(branch, idempotencyKey, new Object[] {id}, () -> {
            activities.vote(currentBranch.require(), id, myMemberId());
            return "voted";
        });
    }

    @POST
    @Path("/proposals")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response propose(@PathParam("branch") String branch, @RestForm String month, @RestForm String title,
            @RestForm String description, @RestForm String idempotencyKey) {
        return write(branch, idempotencyKey, new Object[] {month, title, description}, () -> {
            ActivityResource.ProposalRequest proposal = new ActivityResource.ProposalRequest(title, description);
            if (!validator.validate(proposal).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "A proposal has a title and a description");
            }
            YearMonth proposedFor;
            try {
                proposedFor = YearMonth.parse(month == null ? "" : month);
            } catch (DateTimeException e) {
                throw ApiProblem.invalidField("invalid-month", "month", "A month is YYYY-MM");
            }
            activities.propose(currentBranch.require(), proposedFor, proposal.title().strip(),
                    proposal.description().strip(),
                    myMemberId());
            return "proposed";
        });
    }

    @POST
    @Path("/{id}/sign-ins")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response signIn(@PathParam("branch") String branch, @PathParam("id") UUID id,
            @RestForm String idempotencyKey) {
        return write(branch, idempotencyKey, new Object[] {id}, () -> {
            activities.signIn(currentBranch.require(), id, myMemberId(), caller.username());
            return "arrived";
        });
    }

    @POST
    @Path("/{id}/feedback")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response feedback(@PathParam("branch") String branch, @PathParam("id") UUID id, @RestForm Integer score,
            @RestForm String comment, @RestForm String idempotencyKey) {
        String remark = comment == null || comment.isBlank() ? null : comment.strip();
        return write(branch, idempotencyKey, new Object[] {id, score, remark}, () -> {
            ActivityResource.Feedback form = new ActivityResource.Feedback(score, remark);
            if (!validator.validate(form).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "A score of 1 to 5, and a short comment if any");
            }
            activities.feedback(currentBranch.require(), id, myMemberId(), form.score(), form.comment());
            return "rated";
        });
    }

    /** The activities I signed in to ({@code activity_sign_in}) or rated ({@code activity_feedback}). */
    private Set<UUID> mine(String table) {
        Optional<Member> member = Member.<Member>find("personId", me.id()).firstResultOptional();
        if (member.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(sql.query("SELECT activity_id FROM " + currentBranch.require().schemaName() + "." + table
                + " WHERE member_id = ?", row -> row.getObject(1, UUID.class), member.get().id));
    }

    /** This month and the next: proposals are for this month or a later one, announcements come 7 days ahead. */
    private List<YearMonth> months() {
        YearMonth now = YearMonth.from(clock.today());
        return Stream.of(now, now.plusMonths(1)).toList();
    }

    private UUID myMemberId() {
        Member mine = Member.find("personId", me.id()).firstResult();
        if (mine == null) {
            throw ApiProblem.forbidden("not-a-member", "Only a member of this branch does this");
        }
        return mine.id;
    }

    private Response write(String branch, String key, Object[] fields, Supplier<String> write) {
        String back = "/m/" + branch + "/activities";
        try {
            return writes.once(key, fields, () -> URI.create(back + "?done=" + write.get()));
        } catch (ApiProblem refused) {
            return MemberWords.refused(back, refused);
        }
    }
}
