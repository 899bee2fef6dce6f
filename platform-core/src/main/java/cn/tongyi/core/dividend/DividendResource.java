package cn.tongyi.core.dividend;

import cn.tongyi.core.governance.GovernanceBodies;
import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.privacy.Masks;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-DIV-1..6: a year's dividend runs (finance officer, head), the published table and top 10 (every member), a
 * member's own share with its computation and their choice, the bank's batch file, and the export and re-check of a
 * run by the supervision group.
 */
@Path("/api/branches/{branch}/finance/dividends/{year}")
@Tag(name = "Dividends", description = "The yearly dividend: runs, the published table, members' choices, payouts")
public class DividendResource {

    static final String RULE = "R-DIV: net profit × 60/25/10/5 (co-creation members, founding shareholders, mutual-aid "
            + "fund, board); a member's share = members' part × contribution ÷ total contribution, contribution = "
            + "membership years × 1 + service hours × 2 + referrals × 5 (kept in hundredths); every split in fen by "
            + "the largest remainder, ties to the group listed first or the lower member id (lowercase text)";

    public record TopLine(int rank, String name, String contribution, long amountFen) {
    }

    public record Table(int year, long netProfitFen, Map<DividendAllocation.Group, Long> groups, int memberCount,
            OffsetDateTime publishedAt, List<TopLine> top10) {
    }

    public record MyDividend(int year, Dividends.ShareLine share, String computation, DividendChoices.Chosen choice) {
    }

    public record ChoiceRequest(@NotNull DividendChoices.Choice choice, @Valid DividendChoices.BankAccount bankAccount) {
    }

    public record SnapshotExport(String rule, Dividends.Run run, List<Dividends.ShareLine> shares) {
    }

    private final Dividends dividends;
    private final DividendChoices choices;
    private final GovernanceBodies governance;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final BusinessClock clock;

    DividendResource(Dividends dividends, DividendChoices choices, GovernanceBodies governance,
            CurrentBranch currentBranch, CallerGrants caller, CurrentPerson person, BusinessClock clock) {
        this.dividends = dividends;
        this.choices = choices;
        this.governance = governance;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
        this.clock = clock;
    }

    @POST
    @Path("/runs")
    @Idempotent
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Compute the year's dividends from its locked result and a snapshot of its members' data; "
            + "due by 15 March; refused once a run of the year is published")
    public RestResponse<Dividends.Run> run(@PathParam("branch") String branch, @PathParam("year") int year) {
        return RestResponse.status(RestResponse.Status.CREATED, dividends.run(here(), year, caller.username()));
    }

    @GET
    @Path("/runs")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "The year's runs")
    public List<Dividends.Run> runs(@PathParam("branch") String branch, @PathParam("year") int year) {
        return dividends.runs(here(), year);
    }

    @GET
    @Path("/runs/{runId}/snapshot")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD, Role.MEMBER})
    @Operation(summary = "Export a run: the rule, the net profit, every member's inputs and amount, the snapshot's "
            + "SHA-256; for staff and the supervision group")
    public SnapshotExport snapshot(@PathParam("branch") String branch, @PathParam("year") int year,
            @PathParam("runId") UUID runId) {
        requireStaffOrSupervisor(year);
        return new SnapshotExport(RULE, dividends.run(here(), year, runId), dividends.shares(here(), runId));
    }

    @GET
    @Path("/runs/{runId}/verification")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD, Role.MEMBER})
    @Operation(summary = "Recompute a run from its stored snapshot and compare: same digest, same amounts")
    public Dividends.Verification verify(@PathParam("branch") String branch, @PathParam("year") int year,
            @PathParam("runId") UUID runId) {
        requireStaffOrSupervisor(year);
        return dividends.verify(here(), year, runId);
    }

    @POST
    @Path("/runs/{runId}/publication")
    @Idempotent
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "Publish a run: the table and top 10 become public, every member is notified with their "
            + "computation; no further run of the year is taken")
    public RestResponse<Dividends.Run> publish(@PathParam("branch") String branch, @PathParam("year") int year,
            @PathParam("runId") UUID runId) {
        return RestResponse.ok(dividends.publish(here(), year, runId, caller.username()));
    }

    @GET
    @BranchRoles({Role.MEMBER, Role.FINANCE, Role.BRANCH_HEAD, Role.STEWARD})
    @Operation(summary = "The published annual table: the total, each group's part, and the 10 largest members' "
            + "dividends (names masked)")
    public Table table(@PathParam("branch") String branch, @PathParam("year") int year) {
        Dividends.Run run = publishedRun(year);
        List<Dividends.ShareLine> top = dividends.top(here(), run.id(), 10);
        List<TopLine> lines = IntStream.range(0, top.size()).mapToObj(i -> new TopLine(i + 1,
                Member.<Member>findByIdOptional(top.get(i).memberId()).map(m -> Masks.name(m.name)).orElse(null),
                Dividends.hundredths(top.get(i).contribution()), top.get(i).amountFen())).toList();
        return new Table(year, run.netProfitFen(), run.groups(), run.memberCount(), run.publishedAt(), lines);
    }

    @GET
    @Path("/me")
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "One's own dividend of the year, the computation behind it and the choice made")
    public MyDividend mine(@PathParam("branch") String branch, @PathParam("year") int year) {
        Dividends.Run run = publishedRun(year);
        Dividends.ShareLine share = ownShare(run);
        return new MyDividend(year, share, Dividends.computation(run, share),
                choices.chosen(here(), run.id(), share.memberId()));
    }

    @PUT
    @Path("/me/choice")
    @Idempotent
    @BranchRoles(Role.MEMBER)
    @Operation(summary = "Choose, once, a withdrawal to a bank card (the platform pays the fee) or conversion to points")
    public RestResponse<DividendChoices.Chosen> choose(@PathParam("branch") String branch, @PathParam("year") int year,
            @Valid @NotNull ChoiceRequest request) {
        Dividends.Run run = publishedRun(year);
        return RestResponse.ok(choices.choose(here(), run, ownShare(run), request.choice(), request.bankAccount(),
                caller.username()));
    }

    @GET
    @Path("/payouts")
    @BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
    @Operation(summary = "The withdrawals chosen so far, card numbers masked")
    public List<DividendChoices.Chosen> payouts(@PathParam("branch") String branch, @PathParam("year") int year) {
        return choices.withdrawals(here(), publishedRun(year).id());
    }

    @GET
    @Path("/payouts/batch.csv")
    @Produces("text/csv")
    @BranchRoles(Role.FINANCE)
    @Operation(summary = "The bank's batch file of the withdrawals (card numbers in clear; every export is recorded)")
    public RestResponse<byte[]> batch(@PathParam("branch") String branch, @PathParam("year") int year) {
        byte[] file = choices.batchFile(here(), publishedRun(year), caller.username());
        return RestResponse.ResponseBuilder.ok(file, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dividend-payouts-" + branch + "-"
                        + year + ".csv\"").build();
    }

    private Dividends.Run publishedRun(int year) {
        return dividends.published(here(), year).orElseThrow(() -> ApiProblem.notFound("dividend-not-published",
                "The dividends of " + year + " are not published yet"));
    }

    private Dividends.ShareLine ownShare(Dividends.Run run) {
        return dividends.shareOf(here(), run.id(), person.id()).orElseThrow(() -> ApiProblem.notFound(
                "no-dividend", "You had no co-creation membership in " + run.year()));
    }

    /** Staff, or a member of the supervision group of this quarter or of any quarter of the year. */
    private void requireStaffOrSupervisor(int year) {
        if (currentBranch.hasAny(Role.FINANCE, Role.BRANCH_HEAD)) {
            return;
        }
        boolean supervisor = Stream.concat(Stream.of(Quarter.of(clock.today())),
                IntStream.rangeClosed(1, 4).mapToObj(q -> new Quarter(year, q)))
                .anyMatch(q -> governance.supervisor(here(), person.id(), q).isPresent());
        if (!supervisor) {
            throw ApiProblem.forbidden("not-supervisor", "The supervision group re-checks dividend runs");
        }
    }

    private BranchCode here() {
        return currentBranch.require();
    }
}
