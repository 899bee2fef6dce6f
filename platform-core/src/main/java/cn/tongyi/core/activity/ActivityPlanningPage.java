package cn.tongyi.core.activity;

import cn.tongyi.core.complaint.CareForms;
import cn.tongyi.core.complaint.CareWords;
import cn.tongyi.core.finance.Yuan;
import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.panache.common.Sort;
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
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Community activities in the staff console (R-ACTIVITY-1..4): the month's proposals with their votes, the head's
 * choice of 2–3, the plan within the 2,000.00 CNY budget, the announcement at least 7 days ahead, the solitary elderly
 * of each building to invite in person, sign-in on a member's behalf, and the summary due 24 hours after the end.
 * {@link Activities} does the work, checked with the API's request records; roles are the API's, per operation.
 */
@Path("/s/{branch}/activities")
@TemplateData(target = Activity.class)
@Produces(PageErrors.HTML)
public class ActivityPlanningPage {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TemplateData
    public record ProposalRow(String id, String title, String description, long votes) {
    }

    @TemplateData
    public record ActivityRow(String id, String title, String startsAt, String place, String state,
            String summaryClock, boolean summaryLate) {
    }

    @TemplateData
    public record InviteRow(String memberId, String name, String building, String stewards, boolean invited) {
    }

    @TemplateData
    public record MemberChoice(String id, String label) {
    }

    /** The plan form's values: the plan as it stands, or empty fields. */
    @TemplateData
    public record PlanFields(String startsAt, String endsAt, String place, String program, String materials,
            String budget, String sponsorship, String sponsor) {
    }

    @Inject
    @Location("activity/planning.html")
    Template planning;

    @Inject
    @Location("activity/activity.html")
    Template detail;

    private final Activities activities;
    private final ConsolePages pages;
    private final PageWrites writes;
    private final CurrentBranch branch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final BusinessClock clock;
    private final Validator validator;

    ActivityPlanningPage(Activities activities, ConsolePages pages, PageWrites writes, CurrentBranch branch,
            CallerGrants caller, CurrentPerson person, BusinessClock clock, Validator validator) {
        this.activities = activities;
        this.pages = pages;
        this.writes = writes;
        this.branch = branch;
        this.caller = caller;
        this.person = person;
        this.clock = clock;
        this.validator = validator;
    }

    @GET
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public String month(@PathParam("branch") String code, @QueryParam("month") String monthParam,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("care.activities.title");
        YearMonth month = monthParam == null || monthParam.isBlank() ? YearMonth.from(clock.today())
                : month(monthParam);
        List<Activities.Proposal> proposals = activities.proposals(branch.require(), month);
        List<Activity> chosen = activities.list(branch.require(), month);
        OffsetDateTime now = clock.now();
        return planning.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("month", month.toString()).data("previous", month.minusMonths(1).toString())
                .data("next", month.plusMonths(1).toString())
                .data("proposals", proposals.stream().map(p -> new ProposalRow(p.id().toString(), p.title(),
                        p.description(), p.votes())).toList())
                .data("choosing", chosen.isEmpty() && branch.has(Role.BRANCH_HEAD) && proposals.size() >= 2)
                .data("activities", chosen.stream().map(a -> row(a, now, page)).toList())
                .data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @Path("/months/{month}/choice")
    @BranchRoles(Role.BRANCH_HEAD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response choose(@PathParam("branch") String code, @PathParam("month") String monthParam,
            @RestForm String idempotencyKey, @RestForm List<String> proposalId) {
        String back = "/activities?month=" + monthParam;
        try {
            YearMonth month = month(monthParam);
            List<UUID> ids = proposalId == null ? List.of()
                    : proposalId.stream().map(id -> CareForms.id(id, "proposalIds")).toList();
            return writes.once(idempotencyKey, new Object[] {month, ids}, () -> {
                activities.choose(branch.require(), month, ids, caller.username());
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    @GET
    @Path("/{id}")
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(hidden = true)
    public String activity(@PathParam("branch") String code, @PathParam("id") UUID id,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("care.activity.title");
        Activity activity = activities.require(branch.require(), id);
        return render(page, activity, fields(activity), pages.problemText(page, problem));
    }

    private String render(Page page, Activity activity, PlanFields plan, String problem) {
        OffsetDateTime now = clock.now();
        boolean announced = activity.announcedAt() != null;
        List<InviteRow> toInvite = announced ? activities.toInvite(branch.require(), activity.id()).stream()
                .map(t -> new InviteRow(t.memberId().toString(), t.name(), t.building(), String.join("、", t.stewards()),
                        t.invited())).toList() : List.of();
        boolean steward = branch.has(Role.STEWARD);
        return detail.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("a", row(activity, now, page)).data("activity", activity)
                .data("plan", plan).data("announced", announced)
                .data("budget", activity.budgetFen() == null ? "" : Yuan.of(activity.budgetFen()))
                .data("sponsorship", Yuan.of(activity.sponsorshipFen()))
                .data("toInvite", toInvite).data("steward", steward).data("head", branch.has(Role.BRANCH_HEAD))
                .data("over", over(activity, now))
                .data("members", steward && announced && !over(activity, now) ? members() : List.of())
                .data("now", FIELD.format(now.atZoneSameInstant(BusinessClock.ZONE)))
                .data("problem", problem).render();
    }

    @POST
    @Path("/{id}/plan")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response plan(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String startsAt, @RestForm String endsAt,
            @RestForm String place, @RestForm String program, @RestForm String materials, @RestForm String budget,
            @RestForm String sponsorship, @RestForm String sponsor) {
        // a refused plan comes back as typed, with the reason: a long plan is not typed twice
        try {
            ActivityResource.PlanRequest request = CareForms.valid(validator, new ActivityResource.PlanRequest(
                    CareForms.time(startsAt, "startsAt"), CareForms.time(endsAt, "endsAt"), CareForms.text(place),
                    CareForms.text(program), CareForms.text(materials), CareForms.fen(budget, "budgetFen"),
                    CareForms.fen(sponsorship, "sponsorshipFen"), CareForms.text(sponsor)));
            Activities.Plan plan = new Activities.Plan(request.startsAt(), request.endsAt(), request.place(),
                    request.program(), request.materials(), request.budgetFen(),
                    request.sponsorshipFen() == null ? 0 : request.sponsorshipFen(), request.sponsor());
            return writes.once(idempotencyKey, new Object[] {id, plan}, () -> {
                activities.plan(branch.require(), id, plan);
                return URI.create(pages.base() + "/activities/" + id);
            });
        } catch (ApiProblem problem) {
            Page page = pages.page("care.activity.title").shownAt(pages.base() + "/activities/" + id);
            PlanFields typed = new PlanFields(nonNull(startsAt), nonNull(endsAt), nonNull(place), nonNull(program),
                    nonNull(materials), nonNull(budget), nonNull(sponsorship), nonNull(sponsor));
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(page, activities.require(branch.require(), id), typed,
                            pages.problemText(page, problem.slug()))).build();
        }
    }

    @POST
    @Path("/{id}/expense")
    @BranchRoles(Role.BRANCH_HEAD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response expense(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String payee) {
        return write("/activities/" + id, idempotencyKey, () -> {
            ActivityResource.ExpenseRequest request = CareForms.valid(validator,
                    new ActivityResource.ExpenseRequest(CareForms.text(payee)));
            return new Write(new Object[] {id, request}, () -> activities.requestExpense(branch.require(), id,
                    request.payee(), person.id(), caller.username()));
        });
    }

    @POST
    @Path("/{id}/announcement")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response announce(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey) {
        return write("/activities/" + id, idempotencyKey,
                () -> new Write(new Object[] {id}, () -> activities.announce(branch.require(), id)));
    }

    @POST
    @Path("/{id}/invitations")
    @BranchRoles(Role.STEWARD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response invite(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String memberId) {
        return write("/activities/" + id, idempotencyKey, () -> {
            UUID member = CareForms.id(memberId, "memberId");
            return new Write(new Object[] {id, member},
                    () -> activities.invite(branch.require(), id, member, caller.username()));
        });
    }

    @POST
    @Path("/{id}/sign-ins")
    @BranchRoles(Role.STEWARD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String memberId) {
        return write("/activities/" + id, idempotencyKey, () -> {
            UUID member = CareForms.id(memberId, "memberId");
            return new Write(new Object[] {id, member},
                    () -> activities.signIn(branch.require(), id, member, caller.username()));
        });
    }

    @POST
    @Path("/{id}/summary")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response summarize(@PathParam("branch") String code, @PathParam("id") UUID id,
            @RestForm String idempotencyKey, @RestForm String summary) {
        return write("/activities/" + id, idempotencyKey, () -> {
            ActivityResource.Summary request = CareForms.valid(validator,
                    new ActivityResource.Summary(CareForms.text(summary)));
            return new Write(new Object[] {id, request},
                    () -> activities.summarize(branch.require(), id, request.summary(), caller.username()));
        });
    }

    /** A form's write: what makes it this write (for its idempotency key), and the write itself. */
    private record Write(Object[] fields, Runnable action) {
    }

    /** Reads the form, writes once under its key, and goes back to the page; a refusal goes back saying why. */
    private Response write(String back, String idempotencyKey, java.util.function.Supplier<Write> form) {
        try {
            Write write = form.get();
            return writes.once(idempotencyKey, write.fields(), () -> {
                write.action().run();
                return URI.create(pages.base() + back);
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    private ActivityRow row(Activity a, OffsetDateTime now, Page page) {
        String state = a.announcedAt() != null ? page.t("care.activity.announced", CareWords.when(a.announcedAt()))
                : a.startsAt() != null ? page.t("care.activity.planned") : page.t("care.activity.toPlan");
        String summary = a.summaryDueAt() == null || a.announcedAt() == null ? ""
                : CareWords.clock(page, a.summaryDueAt(), a.summaryFiledAt(), now);
        return new ActivityRow(a.id().toString(), a.title(), CareWords.when(a.startsAt()),
                a.place() == null ? "" : a.place(), state, summary, a.summaryLate());
    }

    private static boolean over(Activity activity, OffsetDateTime now) {
        return activity.endsAt() != null && now.isAfter(activity.endsAt());
    }

    private static PlanFields fields(Activity a) {
        return new PlanFields(field(a.startsAt()), field(a.endsAt()), nonNull(a.place()), nonNull(a.program()),
                nonNull(a.materials()), a.budgetFen() == null ? "" : Yuan.of(a.budgetFen()),
                a.sponsorshipFen() == 0 ? "" : Yuan.of(a.sponsorshipFen()), nonNull(a.sponsor()));
    }

    private static String field(OffsetDateTime time) {
        return time == null ? "" : FIELD.format(time.atZoneSameInstant(BusinessClock.ZONE));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The branch's members, for signing one in: by name, with the start of their id to tell namesakes apart. */
    private static List<MemberChoice> members() {
        return Member.<Member>find("revokedAt is null", Sort.by("name").and("id")).range(0, 999).list().stream()
                .map(m -> new MemberChoice(m.id.toString(), m.name + "（" + CareWords.shortId(m.id) + "）")).toList();
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("invalid-month", "month", "A month is YYYY-MM");
        }
    }
}
