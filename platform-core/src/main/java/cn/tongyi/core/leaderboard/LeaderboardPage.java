package cn.tongyi.core.leaderboard;

import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.member.MemberWords;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.OpenToAllianceMembers;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The monthly leaderboard (R-LEDGER-7): buildings and their points, never a name. Last month's unless another is
 * asked for; a month is published on the 5th of the next, so before that the page says when it will be.
 */
@Path("/m/{branch}/leaderboard")
@Produces(PageErrors.HTML)
public class LeaderboardPage {

    @Inject
    @Location("leaderboard/leaderboard.html")
    Template leaderboard;

    private final LeaderboardResource api;
    private final MemberPages pages;
    private final BusinessClock clock;

    LeaderboardPage(LeaderboardResource api, MemberPages pages, BusinessClock clock) {
        this.api = api;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @OpenToAllianceMembers
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.GOV_VIEWER})
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("month") String month) {
        Page page = pages.page("member.leaderboard.title");
        LeaderboardResource.Leaderboard board = api.get(branch,
                month != null ? month : YearMonth.from(clock.today()).minusMonths(1).toString());
        DateTimeFormatter format = DateTimeFormatter.ofPattern(page.t("member.words.monthFormat"), page.locale());
        YearMonth shown = board.month();
        YearMonth next = shown.plusMonths(1);
        return leaderboard.data("page", page).data("branch", branch).data("board", board)
                .data("monthLabel", format.format(shown))
                .data("publishedOn", MemberWords.day(page, next.atDay(LeaderboardJob.PUBLISHING_DAY)))
                .data("previous", shown.minusMonths(1)).data("previousLabel", format.format(shown.minusMonths(1)))
                .data("next", next.isAfter(YearMonth.from(clock.today())) ? null : next)
                .data("nextLabel", format.format(next)).render();
    }
}
