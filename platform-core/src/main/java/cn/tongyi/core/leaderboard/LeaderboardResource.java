package cn.tongyi.core.leaderboard;

import cn.tongyi.core.ledger.Points;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.access.OpenToAllianceMembers;
import cn.tongyi.web.ApiProblem;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The branch's published monthly leaderboard (R-LEDGER-7): building and points only, never a name or an id. */
@Path("/api/branches/{branch}/leaderboard")
@Tag(name = "Leaderboard")
public class LeaderboardResource {

    public record Row(String building, String points) {
    }

    public record Leaderboard(YearMonth month, boolean published, List<Row> rows) {
    }

    private final EntityManager em;

    LeaderboardResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @OpenToAllianceMembers
    @Operation(summary = "The leaderboard of a month (YYYY-MM), published on the 5th of the next month")
    @BranchRoles({Role.MEMBER, Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.GOV_VIEWER})
    public Leaderboard get(@PathParam("branch") String branch, @QueryParam("month") String month) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-month", "Give month=YYYY-MM, e.g. month=2026-11");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT building_name, points FROM leaderboard_entry WHERE month = ?1
                ORDER BY points DESC, building_name""")
                .setParameter(1, yearMonth.toString()).getResultList();
        return new Leaderboard(yearMonth, !rows.isEmpty(), rows.stream()
                .map(r -> new Row((String) r[0], Points.format(((Number) r[1]).longValue()))).toList());
    }
}
