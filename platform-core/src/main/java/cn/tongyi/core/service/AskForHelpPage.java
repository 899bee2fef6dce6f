package cn.tongyi.core.service;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.volunteer.SkillTag;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Ask for help (R-SERVICE-1) without typing: the service as large labelled icons, the day and the hour as buttons,
 * how long, and whether to pay with my points or the free allowance (the branch pays the volunteer).
 */
@Path("/m/{branch}/help")
@Produces(PageErrors.HTML)
public class AskForHelpPage {

    /** Days ahead one can pick, today included. */
    static final int DAYS = 7;
    static final List<String> HOURS = IntStream.rangeClosed(8, 18).mapToObj(h -> "%02d:00".formatted(h)).toList();
    static final List<Integer> DURATIONS = List.of(30, 60, 90, 120, 180);
    private static final Map<String, String> ICONS = Map.of("ESCORT_CLINIC", "🏥", "SHOPPING", "🛒",
            "REPAIR", "🔧", "ELDERLY_CARE", "🤝", "PHONE_HELP", "📱");

    @TemplateData
    public record ServiceType(String code, String name, String icon) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    @Inject
    @Location("service/help.html")
    Template form;

    private final MemberPages pages;
    private final ServiceRequests requests;
    private final PageWrites writes;
    private final CurrentPerson me;
    private final BusinessClock clock;

    AskForHelpPage(MemberPages pages, ServiceRequests requests, PageWrites writes, CurrentPerson me,
            BusinessClock clock) {
        this.pages = pages;
        this.requests = requests;
        this.writes = writes;
        this.me = me;
        this.clock = clock;
    }

    @GET
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch) {
        return render(branch, null);
    }

    @POST
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response ask(@PathParam("branch") String branch, @RestForm String serviceType, @RestForm String day,
            @RestForm String time, @RestForm Integer minutes, @RestForm String place, @RestForm String description,
            @RestForm String pay, @RestForm String idempotencyKey) {
        OffsetDateTime startsAt;
        try {
            startsAt = LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(BusinessClock.ZONE)
                    .toOffsetDateTime();
        } catch (DateTimeParseException | NullPointerException e) {
            return Response.status(400).entity(render(branch, "member.help.chooseWhen")).build();
        }
        if (serviceType == null || minutes == null || !DURATIONS.contains(minutes)) {
            return Response.status(400).entity(render(branch, "member.help.chooseWhat")).build();
        }
        String where = place == null || place.isBlank() ? pages.page("member.help.title").t("member.help.atHome")
                : place.strip();
        String what = description == null || description.isBlank() ? serviceType : description.strip();
        boolean withPoints = "points".equals(pay);
        try {
            return writes.once(idempotencyKey, new Object[] {serviceType, startsAt, where, minutes, what, withPoints},
                    () -> {
                        requests.post(me.id(), new ServiceRequests.NewRequest(serviceType, startsAt, where, null,
                                minutes, what, withPoints));
                        return URI.create("/m/" + branch + "/requests?done=asked");
                    });
        } catch (ApiProblem refused) {
            return Response.status(refused.status()).entity(render(branch, "member.help.refused." + refused.slug()))
                    .build();
        }
    }

    private String render(String branch, String errorKey) {
        Page page = pages.page("member.help.title");
        List<ServiceType> types = SkillTag.<SkillTag>list("active = true order by code").stream()
                .map(t -> new ServiceType(t.code, page.english() ? t.nameEn : t.nameZh,
                        ICONS.getOrDefault(t.code, "🙋")))
                .toList();
        LocalDate today = clock.today();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(page.t("member.help.dayFormat"), page.locale());
        List<Choice> days = IntStream.range(0, DAYS).mapToObj(today::plusDays)
                .map(d -> new Choice(d.toString(), dayName(page, today, d) + format.format(d)))
                .toList();
        String error = errorKey == null ? null : page.tOr(errorKey, "ui.error.conflict");
        return form.data("page", page).data("branch", branch).data("types", types).data("days", days)
                .data("hours", HOURS).data("durations", DURATIONS).data("error", error).render();
    }

    private static String dayName(Page page, LocalDate today, LocalDate day) {
        long ahead = day.toEpochDay() - today.toEpochDay();
        return ahead == 0 ? page.t("member.help.today") : ahead == 1 ? page.t("member.help.tomorrow") : "";
    }
}
