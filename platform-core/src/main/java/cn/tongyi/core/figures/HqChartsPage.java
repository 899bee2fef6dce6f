package cn.tongyi.core.figures;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The HQ console's charts: service hours and members per branch per month over the last 12 months, drawn by ECharts
 * for the {@value #TOP} branches with the most, and every branch's figures in a table beside them.
 */
@Path("/hq/charts")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqChartsPage {

    /** More lines than this in one chart cannot be told apart. */
    static final int TOP = 8;

    @Inject
    @Location("hq/charts.html")
    Template template;

    private final BranchFigures figures;
    private final PageContext pages;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final ObjectMapper json;

    HqChartsPage(BranchFigures figures, PageContext pages, CallerGrants caller, BusinessClock clock,
            ObjectMapper json) {
        this.figures = figures;
        this.pages = pages;
        this.caller = caller;
        this.clock = clock;
        this.json = json;
    }

    /** One line of a chart. */
    public record Series(String name, List<Number> values) {
    }

    /** What a chart draws: the months, the unit of the values, a line per branch. */
    public record Chart(List<String> months, String unit, List<Series> series) {
    }

    /** A branch's row in the table: hours over the months shown, members in the last one. */
    public record Row(String branch, String name, BigDecimal hours, int members) {
    }

    @GET
    @Operation(hidden = true)
    public String charts() {
        YearMonth to = YearMonth.from(clock.today());
        YearMonth from = to.minusMonths(11);
        List<BranchFigures.Figure> all = figures.between(from, to);
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, List<BranchFigures.Figure>> byBranch = all.stream()
                .collect(Collectors.groupingBy(BranchFigures.Figure::branch, LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = byBranch.values().stream().map(HqChartsPage::row).toList();
        Page page = pages.page("hq.charts.title", false, caller.username());
        return template.data("page", page)
                .data("hours", script(chart(months, page.t("hq.charts.hoursUnit"), byBranch, rows,
                        Comparator.comparing(Row::hours), BranchFigures.Figure::serviceHours)))
                .data("members", script(chart(months, page.t("hq.charts.membersUnit"), byBranch, rows,
                        Comparator.comparingInt(Row::members), BranchFigures.Figure::members)))
                .data("rows", rows)
                .data("from", from)
                .data("to", to)
                .render();
    }

    private static Row row(List<BranchFigures.Figure> months) {
        BranchFigures.Figure last = months.get(months.size() - 1);
        BigDecimal hours = months.stream().map(BranchFigures.Figure::serviceHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Row(last.branch(), last.branchName(), hours, last.members());
    }

    private static Chart chart(List<String> months, String unit, Map<String, List<BranchFigures.Figure>> byBranch,
            List<Row> rows, Comparator<Row> order, Function<BranchFigures.Figure, Number> value) {
        List<Series> series = rows.stream().sorted(order.reversed()).limit(TOP).map(row -> {
            Map<String, Number> byMonth = byBranch.get(row.branch()).stream()
                    .collect(Collectors.toMap(f -> f.month().toString(), value));
            return new Series(row.name(), months.stream().map(m -> byMonth.getOrDefault(m, 0)).toList());
        }).toList();
        return new Chart(months, unit, series);
    }

    /** The chart as JSON safe inside a script element: no "</script>" can end it early. */
    private String script(Chart chart) {
        try {
            return json.writeValueAsString(chart).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
