package cn.tongyi.core.figures;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HQ's figures across branches, for its charts. Counts only, never members' names. */
@Path("/api/admin/figures")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: figures")
public class HqFiguresResource {

    private final BranchFigures figures;
    private final BusinessClock clock;

    HqFiguresResource(BranchFigures figures, BusinessClock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    public record Monthly(YearMonth from, YearMonth to, String zone, List<BranchFigures.Figure> figures) {
    }

    @GET
    @Path("/monthly")
    @Operation(summary = "Per branch and month (YYYY-MM, Asia/Shanghai; from and to included, default the last 12 "
            + "months): hours of service confirmed and members on the books, as the nightly branch-figures job last "
            + "computed them (computedAt); run that job to refresh")
    public Monthly monthly(@QueryParam("from") String from, @QueryParam("to") String to) {
        YearMonth last = to == null ? YearMonth.from(clock.today()) : month(to);
        YearMonth first = from == null ? last.minusMonths(11) : month(from);
        long months = ChronoUnit.MONTHS.between(first, last) + 1;
        if (months < 1 || months > BranchFigures.MAX_MONTHS) {
            throw ApiProblem.badRequest("invalid-month-range",
                    "from must not be after to, and a view covers at most " + BranchFigures.MAX_MONTHS + " months");
        }
        return new Monthly(first, last, BusinessClock.ZONE.getId(), figures.between(first, last));
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-month", "Give months as YYYY-MM, e.g. 2026-11");
        }
    }
}
