package cn.tongyi.core.calendar;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HQ keeps the alliance's working-day calendar from the State Council's yearly notice: public holidays on weekdays
 * and make-up working days (调休) on weekends. Deadlines counted in working days (R-LEDGER-6) follow it.
 */
@Path("/api/admin/calendar")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: calendar")
public class CalendarResource {

    public record Day(@NotNull Boolean working, @NotBlank @Size(max = 40) String name) {
    }

    public record DayView(LocalDate day, boolean working, String name, String updatedBy) {
    }

    public record Deadline(LocalDate from, int workingDays, LocalDate date) {
    }

    private final BusinessCalendar calendar;
    private final CallerGrants caller;
    private final BusinessClock clock;

    CalendarResource(BusinessCalendar calendar, CallerGrants caller, BusinessClock clock) {
        this.calendar = calendar;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The exceptions of a year (default: this year): holidays and make-up working days")
    public List<DayView> year(@QueryParam("year") Integer year) {
        int chosen = year == null ? clock.today().getYear() : year;
        if (chosen < 2000 || chosen > 2200) {
            throw ApiProblem.badRequest("invalid-year", "Give a year between 2000 and 2200");
        }
        LocalDate first = Year.of(chosen).atDay(1);
        return CalendarException.<CalendarException>list("day >= ?1 and day < ?2", Sort.by("day"), first,
                first.plusYears(1)).stream().map(CalendarResource::view).toList();
    }

    @PUT
    @Path("/{day}")
    @Transactional
    @Operation(summary = "Declare a weekday a holiday (working false) or a weekend day a make-up working day (working "
            + "true); 422 when that is what the day already is")
    public DayView put(@PathParam("day") String day, @Valid @NotNull Day body) {
        LocalDate date = date(day);
        if (body.working() == WorkingDays.isWeekday(date)) {
            throw ApiProblem.unprocessable("not-an-exception", date + " is a " + date.getDayOfWeek()
                    + (body.working() ? ", already a working day" : ", already a day off"));
        }
        CalendarException exception = CalendarException.<CalendarException>findByIdOptional(date)
                .orElseGet(CalendarException::new);
        exception.day = date;
        exception.working = body.working();
        exception.name = body.name().strip();
        exception.updatedBy = caller.username();
        exception.updatedAt = clock.now();
        exception.persist();
        return view(exception);
    }

    @DELETE
    @Path("/{day}")
    @Transactional
    @Operation(summary = "Return a day to what Monday to Friday says")
    public RestResponse<Void> delete(@PathParam("day") String day) {
        LocalDate date = date(day);
        if (!CalendarException.deleteById(date)) {
            throw ApiProblem.notFound("calendar-day-not-found", "No exception on " + date);
        }
        return RestResponse.noContent();
    }

    @GET
    @Path("/working-days")
    @Operation(summary = "The date N working days after a date, as deadlines count them (the day itself does not count)")
    public Deadline workingDays(@QueryParam("from") String from,
            @QueryParam("days") @NotNull @Min(1) @Max(60) Integer days) {
        LocalDate start = date(from);
        return new Deadline(start, days, calendar.workingDaysAfter(start, days));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("invalid-date", "Give a date as YYYY-MM-DD, e.g. 2026-10-01");
        }
    }

    private static DayView view(CalendarException e) {
        return new DayView(e.day, e.working, e.name, e.updatedBy);
    }
}
