package cn.tongyi.core.calendar;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The HQ console's working-day calendar: a year's holidays and make-up working days, and a form to declare one,
 * through the same rules as the calendar API (declaring the same day twice stores it once).
 */
@Path("/hq/calendar")
@RolesAllowed("HQ_ADMIN")
@Produces(PageErrors.HTML)
public class HqCalendarPage {

    @Inject
    @Location("hq/calendar.html")
    Template template;

    private final CalendarResource calendar;
    private final PageContext pages;
    private final CallerGrants caller;
    private final BusinessClock clock;

    HqCalendarPage(CalendarResource calendar, PageContext pages, CallerGrants caller, BusinessClock clock) {
        this.calendar = calendar;
        this.pages = pages;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public String year(@QueryParam("year") Integer year) {
        return render(year == null ? clock.today().getYear() : year, null, 200).getEntity().toString();
    }

    @POST
    @Operation(hidden = true)
    public Response declare(@RestForm String day, @RestForm String kind, @RestForm String name) {
        int year = clock.today().getYear();
        try {
            CalendarResource.DayView declared = calendar.put(day == null ? "" : day.strip(),
                    new CalendarResource.Day("working".equals(kind), name == null || name.isBlank() ? null : name));
            return Response.seeOther(URI.create("/hq/calendar?year=" + declared.day().getYear())).build();
        } catch (ApiProblem refused) {
            return render(year, "hq.calendar.refused." + (refused.status() == 422 ? "same" : "invalid"),
                    refused.status() == 422 ? 422 : 400);
        } catch (jakarta.validation.ConstraintViolationException invalid) {
            return render(year, "hq.calendar.refused.invalid", 400);
        }
    }

    private Response render(int year, String errorKey, int status) {
        var page = pages.page("hq.calendar.title", false, caller.username());
        String html = template.data("page", page)
                .data("year", year)
                .data("previous", year - 1)
                .data("next", year + 1)
                .data("days", calendar.year(year))
                .data("error", errorKey == null ? null : page.t(errorKey))
                .render();
        return Response.status(status).entity(html).type(PageErrors.HTML).build();
    }
}
