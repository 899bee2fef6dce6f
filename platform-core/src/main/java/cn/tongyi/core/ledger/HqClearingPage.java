package cn.tongyi.core.ledger;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The HQ console's cross-branch clearing (R-LEDGER-2) of a month: who owes whom, in points. */
@Path("/hq/clearing")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqClearingPage {

    @Inject
    @Location("hq/clearing.html")
    Template template;

    private final ClearingReport report;
    private final PageContext pages;
    private final CallerGrants caller;
    private final BusinessClock clock;

    HqClearingPage(ClearingReport report, PageContext pages, CallerGrants caller, BusinessClock clock) {
        this.report = report;
        this.pages = pages;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public String clearing(@QueryParam("month") String month) {
        YearMonth shown = parsed(month).orElse(YearMonth.from(clock.today()));
        return template.data("page", pages.page("hq.clearing.title", false, caller.username()))
                .data("report", report.of(shown))
                .data("previous", shown.minusMonths(1))
                .data("next", shown.plusMonths(1))
                .render();
    }

    private static Optional<YearMonth> parsed(String month) {
        try {
            return month == null || month.isBlank() ? Optional.empty()
                    : Optional.of(YearMonth.parse(month.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
