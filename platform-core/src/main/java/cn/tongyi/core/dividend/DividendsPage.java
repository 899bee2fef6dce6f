package cn.tongyi.core.dividend;

import cn.tongyi.core.finance.FinanceWords;
import cn.tongyi.core.finance.Yuan;
import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.privacy.Masks;
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
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * R-DIV-1..4, 6 in the console: the year's dividend runs computed from the locked result, the one shown with every
 * figure it was computed from (net profit, the four groups, each member's inputs, contribution and amount, the
 * snapshot's digest and its re-check), so anyone can redo a member's share by hand; and its publication.
 */
@Path("/s/{branch}/finance/dividends")
@Produces(PageErrors.HTML)
@BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
public class DividendsPage {

    @TemplateData
    public record GroupRow(String group, int percent, String amount) {
    }

    @TemplateData
    public record ShareRow(String name, int years, String hours, int referrals, String contribution, String amount,
            boolean extraFen) {
    }

    @TemplateData
    public record PayoutRow(String name, String amount, String bank, String account, String when) {
    }

    @TemplateData
    public record RunRow(UUID id, String computedBy, String computedAt, boolean published, String sha256) {
    }

    @Inject
    @Location("finance/dividends.html")
    Template dividendsPage;

    private final Dividends dividends;
    private final DividendChoices choices;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final PageWrites writes;
    private final ConsolePages pages;
    private final BusinessClock clock;

    DividendsPage(Dividends dividends, DividendChoices choices, CurrentBranch currentBranch, CallerGrants caller,
            PageWrites writes, ConsolePages pages, BusinessClock clock) {
        this.dividends = dividends;
        this.choices = choices;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.writes = writes;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public String year(@PathParam("branch") String branch, @QueryParam("year") Integer year,
            @QueryParam("run") UUID runId, @QueryParam(ConsolePages.PROBLEM) String problem,
            @QueryParam("done") String done) {
        Page page = pages.page("finance.dividends.title");
        int shown = year == null || year < 2000 || year > 2200 ? clock.today().getYear() - 1 : year;
        var here = currentBranch.require();
        List<Dividends.Run> runs = dividends.runs(here, shown);
        Optional<Dividends.Run> published = runs.stream().filter(r -> r.publishedAt() != null).findFirst();
        Optional<Dividends.Run> run = runs.stream().filter(r -> r.id().equals(runId)).findFirst()
                .or(() -> published).or(() -> runs.isEmpty() ? Optional.empty()
                        : Optional.of(runs.get(runs.size() - 1)));
        var template = dividendsPage.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("apiBase", pages.apiBase()).data("yearText", String.valueOf(shown))
                .data("previous", String.valueOf(shown - 1)).data("next", String.valueOf(shown + 1))
                .data("dueBy", FinanceWords.day(Dividends.dueBy(shown), page))
                .data("anyPublished", published.isPresent())
                .data("mayExportPayouts", currentBranch.has(Role.FINANCE))
                .data("runs", runs.stream().map(r -> new RunRow(r.id(), FinanceWords.person(r.computedBy()),
                        FinanceWords.when(r.computedAt(), page), r.publishedAt() != null, r.snapshotSha256()))
                        .toList())
                .data("run", run.isPresent())
                .data("done", FinanceWords.done(done, page))
                .data("problem", pages.problemText(page, problem));
        run.ifPresent(r -> shownRun(template, r, page));
        return template.render();
    }

    /** The figures a member's share is computed from, each shown, so that the share can be redone by hand. */
    private void shownRun(TemplateInstance template, Dividends.Run run, Page page) {
        var here = currentBranch.require();
        Dividends.Verification check = dividends.verify(here, run.year(), run.id());
        template.data("runId", run.id().toString()).data("net", Yuan.of(run.netProfitFen()))
                .data("groups", Arrays.stream(DividendAllocation.Group.values()).map(g -> new GroupRow(
                        page.t("finance.dividends.group." + g), g.percent(), Yuan.of(run.groups().get(g))))
                        .toList())
                .data("pool", Yuan.of(run.groups().get(DividendAllocation.Group.CO_CREATION_MEMBERS)))
                .data("memberCount", String.valueOf(run.memberCount()))
                .data("totalContribution", Dividends.hundredths(run.totalContribution()))
                .data("sha256", run.snapshotSha256()).data("computedBy", FinanceWords.person(run.computedBy()))
                .data("computedAt", FinanceWords.when(run.computedAt(), page)).data("late", run.late())
                .data("isPublished", run.publishedAt() != null)
                .data("publishedBy", FinanceWords.person(run.publishedBy()))
                .data("publishedAt", FinanceWords.when(run.publishedAt(), page)).data("matches", check.matches())
                .data("shares", dividends.shares(here, run.id()).stream().map(s -> new ShareRow(
                        maskedName(s.memberId()),
                        s.membershipYears(), Dividends.hundredths(s.serviceCentiHours()), s.referrals(),
                        Dividends.hundredths(s.contribution()), Yuan.of(s.amountFen()),
                        s.remainderFen() > 0)).toList())
                .data("payouts", run.publishedAt() == null ? List.of() : choices.withdrawals(here, run.id()).stream()
                        .map(c -> new PayoutRow(maskedName(c.memberId()), Yuan.of(c.amountFen()), c.bank(),
                                c.accountNoMasked(), FinanceWords.when(c.chosenAt(), page))).toList());
    }

    private static String maskedName(UUID memberId) {
        return Member.<Member>findByIdOptional(memberId).map(m -> Masks.name(m.name)).orElse("");
    }

    /** A run from the locked result; refused before the year is locked and once a run of it is published. */
    @POST
    @Path("/{year}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response compute(@PathParam("branch") String branch, @PathParam("year") int year,
            @RestForm String idempotencyKey) {
        String back = "/finance/dividends?year=" + year;
        try {
            return writes.once(idempotencyKey, new Object[] {year}, () -> {
                Dividends.Run run = dividends.run(currentBranch.require(), year, caller.username());
                return URI.create(pages.base() + back + "&run=" + run.id() + "&done=run");
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }

    @POST
    @Path("/{year}/runs/{runId}/publication")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response publish(@PathParam("branch") String branch, @PathParam("year") int year,
            @PathParam("runId") UUID runId, @RestForm String idempotencyKey) {
        String back = "/finance/dividends?year=" + year;
        try {
            return writes.once(idempotencyKey, new Object[] {year, runId}, () -> {
                dividends.publish(currentBranch.require(), year, runId, caller.username());
                return URI.create(pages.base() + back + "&done=dividendPublished");
            });
        } catch (ApiProblem problem) {
            return pages.refused(back, problem);
        }
    }
}
