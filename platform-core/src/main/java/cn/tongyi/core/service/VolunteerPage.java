package cn.tongyi.core.service;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.member.MemberWords;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The volunteer's page: requests offered to me with the time left to take them (R-SERVICE-3, 4), in words, taken
 * by the API's own acceptance; and my services to come and done.
 */
@Path("/m/{branch}/volunteer")
@Produces(PageErrors.HTML)
public class VolunteerPage {

    @TemplateData
    public record Offer(String id, String what, String when, String place, int minutes, String description,
            String timeLeft) {
    }

    @TemplateData
    public record Service(String id, String what, String when, String place, int minutes, String status,
            String credited, boolean upcoming) {
    }

    @Inject
    @Location("service/volunteer.html")
    Template volunteer;

    private final ServiceRequestResource api;
    private final MemberPages pages;
    private final ConsolePages problems;
    private final PageWrites writes;
    private final CurrentPerson me;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    VolunteerPage(ServiceRequestResource api, MemberPages pages, ConsolePages problems, PageWrites writes,
            CurrentPerson me, BusinessClock clock, OpaqueIds opaqueIds) {
        this.api = api;
        this.pages = pages;
        this.problems = problems;
        this.writes = writes;
        this.me = me;
        this.clock = clock;
        this.opaqueIds = opaqueIds;
    }

    // MEMBER too, as on the API: a volunteer certified since their last login holds MEMBER only in their token
    @GET
    @BranchRoles({Role.VOLUNTEER, Role.MEMBER})
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("done") String done,
            @QueryParam(MemberWords.PROBLEM) String problem) {
        Page page = pages.page("member.volunteer.title");
        OffsetDateTime now = clock.now();
        Map<String, String> names = ReviewQueuePage.serviceNames(page);
        List<Offer> offers = api.offers(branch).stream().map(o -> new Offer(opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, o.requestId()),
                names.getOrDefault(o.serviceType(), o.serviceType()), MemberWords.when(page, o.startsAt()),
                o.place(), o.expectedMinutes(), o.description(), page.t("member.volunteer.timeLeft",
                        MemberWords.duration(page, Duration.between(now, o.expiresAt()))))).toList();
        List<Service> mine = ServiceRequest.<ServiceRequest>list("volunteerPersonId", Sort.by("startsAt").descending(),
                me.id()).stream().map(r -> new Service(opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, r.id), names.getOrDefault(r.serviceType, r.serviceType),
                        MemberWords.when(page, r.startsAt), r.place, r.expectedMinutes,
                        page.t("member.requests.status." + r.status),
                        r.credited == null ? null : Points.format(r.credited),
                        r.status == ServiceRequest.Status.ACCEPTED)).toList();
        return volunteer.data("page", page).data("branch", branch).data("offers", offers)
                .data("upcoming", mine.stream().filter(Service::upcoming).toList())
                .data("past", mine.stream().filter(s -> !s.upcoming()).toList())
                .data("notice", done == null ? null : page.t("member.volunteer." + done))
                .data("problem", problems.problemText(page, problem)).render();
    }

    @POST
    @Path("/{id}/acceptance")
    @BranchRoles({Role.VOLUNTEER, Role.MEMBER})
    @Operation(hidden = true)
    public Response accept(@PathParam("branch") String branch, @PathParam("id") String id,
            @RestForm String idempotencyKey) {
        String back = "/m/" + branch + "/volunteer";
        try {
            return writes.once(idempotencyKey, new Object[] {id}, () -> {
                api.accept(branch, id);
                return URI.create(back + "?done=accepted");
            });
        } catch (ApiProblem refused) {
            return MemberWords.refused(back, refused);
        }
    }
}
