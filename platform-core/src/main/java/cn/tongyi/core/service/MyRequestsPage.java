package cn.tongyi.core.service;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.volunteer.SkillTag;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * My requests with their status in words; confirm a service that took place and rate it 1–5 (R-SERVICE-5, 6), cancel
 * one at least 2 hours ahead (R-SERVICE-7).
 */
@Path("/m/{branch}/requests")
@Produces(PageErrors.HTML)
public class MyRequestsPage {

    static final List<Integer> RATINGS = List.of(5, 4, 3, 2, 1);

    @TemplateData
    public record Row(String id, String what, String when, String status, String statusKey, boolean confirmable,
            boolean cancellable, int expectedMinutes, String credited, Integer rating) {
    }

    @Inject
    @Location("service/requests.html")
    Template list;

    private final MemberPages pages;
    private final Completion completion;
    private final Cancellations cancellations;
    private final PageWrites writes;
    private final CurrentPerson me;
    private final CallerGrants caller;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    MyRequestsPage(MemberPages pages, Completion completion, Cancellations cancellations, PageWrites writes,
            CurrentPerson me, CallerGrants caller, BusinessClock clock, OpaqueIds opaqueIds) {
        this.pages = pages;
        this.completion = completion;
        this.cancellations = cancellations;
        this.writes = writes;
        this.me = me;
        this.caller = caller;
        this.clock = clock;
        this.opaqueIds = opaqueIds;
    }

    @GET
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("done") String done) {
        return render(branch, done == null ? null : "member.requests." + done, null);
    }

    @POST
    @Path("/{id}/confirmation")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response confirm(@PathParam("branch") String branch, @PathParam("id") String id,
            @RestForm Integer rating, @RestForm String idempotencyKey) {
        if (rating == null || !RATINGS.contains(rating)) {
            return Response.status(400).entity(render(branch, null, "member.requests.chooseRating")).build();
        }
        return write(branch, idempotencyKey, new Object[] {id, rating}, () -> {
            ServiceRequest request = ServiceRequest.lock(opaqueIds.require(OpaqueIds.Kind.SERVICE_REQUEST, id));
            if (!request.requesterPersonId.equals(me.id())) {
                throw ApiProblem.notFound("request-not-found", "No such service request of yours");
            }
            completion.confirm(request, new Completion.Confirmation(request.expectedMinutes, rating, null),
                    caller.username());
            return "confirmed";
        });
    }

    @POST
    @Path("/{id}/cancellation")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response cancel(@PathParam("branch") String branch, @PathParam("id") String id,
            @RestForm String idempotencyKey) {
        return write(branch, idempotencyKey, new Object[] {id}, () -> {
            cancellations.cancel(opaqueIds.require(OpaqueIds.Kind.SERVICE_REQUEST, id), me.id(), null);
            return "cancelled";
        });
    }

    private Response write(String branch, String key, Object[] fields, Supplier<String> write) {
        try {
            return writes.once(key, fields,
                    () -> URI.create("/m/" + branch + "/requests?done=" + write.get()));
        } catch (ApiProblem refused) {
            return Response.status(refused.status())
                    .entity(render(branch, null, "member.requests.refused." + refused.slug())).build();
        }
    }

    private String render(String branch, String noticeKey, String errorKey) {
        Page page = pages.page("member.requests.title").shownAt("/m/" + branch + "/requests");
        OffsetDateTime now = clock.now();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(page.t("member.requests.whenFormat"), page.locale());
        Map<String, String> names = SkillTag.<SkillTag>listAll().stream()
                .collect(Collectors.toMap(t -> t.code, t -> page.english() ? t.nameEn : t.nameZh));
        List<Row> rows = ServiceRequest.<ServiceRequest>list("requesterPersonId", Sort.by("startsAt").descending(),
                me.id()).stream().map(r -> new Row(opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, r.id), names.getOrDefault(r.serviceType, r.serviceType),
                        format.format(r.startsAt.atZoneSameInstant(BusinessClock.ZONE)),
                        page.t("member.requests.status." + r.status), r.status.name(),
                        r.status == ServiceRequest.Status.ACCEPTED && !now.isBefore(r.startsAt),
                        Cancellations.CANCELLABLE.contains(r.status)
                                && !now.plus(ServiceRequest.CANCEL_BEFORE).isAfter(r.startsAt),
                        r.expectedMinutes, r.credited == null ? null : Points.format(r.credited),
                        r.rating))
                .toList();
        return list.data("page", page).data("branch", branch).data("rows", rows).data("ratings", RATINGS.stream()
                        .map(n -> new AskForHelpPage.Choice(n.toString(), page.t("member.requests.stars." + n))).toList())
                .data("notice", noticeKey == null ? null : page.t(noticeKey))
                .data("error", errorKey == null ? null : page.tOr(errorKey, "ui.error.conflict")).render();
    }
}
