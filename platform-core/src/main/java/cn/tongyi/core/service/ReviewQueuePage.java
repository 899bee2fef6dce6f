package cn.tongyi.core.service;

import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.core.volunteer.SkillTag;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The steward's review queue (R-SERVICE-2): each waiting request with its 30-minute clock in words (time left, or
 * how late), approval or rejection, the offers with the ranking's reasons (R-SERVICE-3), and the paper 服务验收单
 * entered for a resident without a phone (R-SERVICE-5). The API's own operations do the work.
 */
@Path("/s/{branch}/requests")
@Produces(PageErrors.HTML)
@BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
public class ReviewQueuePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<ServiceRequest.Status> IN_HAND = List.of(ServiceRequest.Status.PENDING_REVIEW,
            ServiceRequest.Status.OFFERED, ServiceRequest.Status.ACCEPTED);

    /** A service lasts quarter hours, up to a day (the API's bounds). */
    private static final List<Integer> DURATIONS = IntStream.rangeClosed(1, 32).map(q -> q * 15).boxed().toList();

    /**
     * A request as a row of the queue, by its opaque id and the id's first characters as a handle to read out;
     * {@code clock} says in words how long is left for its review.
     */
    @TemplateData
    public record Row(String id, String shortId, String service, String requester, String startsAt, String place, String status,
            boolean pending, boolean overdue, String clock) {
    }

    @TemplateData
    public record OfferRow(int rank, String volunteer, boolean skillMatch, String distance, int openOrders,
            String status) {
    }

    @Inject
    @Location("service/queue.html")
    Template queue;

    @Inject
    @Location("service/request.html")
    Template detail;

    private final ServiceRequestResource api;
    private final ConsolePages pages;
    private final BusinessClock clock;
    private final Validator validator;
    private final OpaqueIds opaqueIds;

    ReviewQueuePage(ServiceRequestResource api, ConsolePages pages, BusinessClock clock, Validator validator,
            OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.validator = validator;
        this.api = api;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public String queue(@PathParam("branch") String branch) {
        Page page = pages.page("staff.queue.title");
        OffsetDateTime now = clock.now();
        Map<String, String> services = serviceNames(page);
        List<Row> rows = ServiceRequest.<ServiceRequest>list("status in ?1", Sort.by("createdAt").and("id"), IN_HAND)
                .stream().map(r -> row(r, now, services, page)).toList();
        return queue.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("pending", rows.stream().filter(Row::pending).toList())
                .data("inHand", rows.stream().filter(r -> !r.pending()).toList()).render();
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public String request(@PathParam("branch") String branch, @PathParam("id") String id,
            @QueryParam(ConsolePages.PROBLEM) String problem) {
        Page page = pages.page("staff.request.title");
        ServiceRequest request = ServiceRequests.find(api.requestId(id));
        ServiceRequestResource.Offers offers = api.offersOf(branch, id);
        List<OfferRow> offerRows = offers.offers().stream().map(o -> new OfferRow(o.rank(), o.volunteerName(),
                o.skillMatch(), o.metres() == null ? page.t("staff.offer.unknownDistance")
                        : page.t("staff.offer.metres", o.metres()),
                o.openOrders(), page.t("staff.offer.status." + o.status()))).toList();
        return detail.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("request", row(request, clock.now(), serviceNames(page), page))
                .data("description", request.description).data("minutes", request.expectedMinutes)
                .data("accepted", request.status == ServiceRequest.Status.ACCEPTED).data("durations", DURATIONS)
                .data("offers", offerRows).data("problem", pages.problemText(page, problem)).render();
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response review(@PathParam("branch") String branch, @PathParam("id") String id,
            @RestForm String decision, @RestForm String reason) {
        try {
            api.review(branch, id, new ServiceRequestResource.Review("approve".equals(decision),
                    reason == null || reason.isBlank() ? null : reason.strip()));
            return pages.seeOther("/requests/" + id);
        } catch (ApiProblem problem) {
            return pages.refused("/requests/" + id, problem);
        }
    }

    /** The paper 服务验收单: entered once per form number; entering the same form again changes nothing. */
    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(@PathParam("branch") String branch, @PathParam("id") String id,
            @RestForm Integer actualMinutes, @RestForm Integer rating, @RestForm String paperFormNo) {
        try {
            ServiceRequestResource.ConfirmationBody form = new ServiceRequestResource.ConfirmationBody(actualMinutes,
                    rating, paperFormNo);
            if (!validator.validate(form).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field of the form");
            }
            long requestId = api.requestId(id);
            QuarkusTransaction.requiringNew().call(() -> api.confirmation(requestId, form));
            return pages.seeOther("/requests/" + id);
        } catch (ApiProblem problem) {
            return pages.refused("/requests/" + id, problem);
        }
    }

    private Row row(ServiceRequest r, OffsetDateTime now, Map<String, String> services, Page page) {
        boolean pending = r.status == ServiceRequest.Status.PENDING_REVIEW;
        String id = opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, r.id);
        return new Row(id, OpaqueIds.shortForm(id), services.getOrDefault(r.serviceType, r.serviceType), r.requesterName,
                startsAt(r), r.place,
                page.t("staff.status." + r.status), pending, r.overdueAt(now), pending ? clock(r, now, page) : "");
    }

    /** When a request starts, on the branch's wall clock, as the console's lists show it ("2026-12-03 09:00"). */
    static String startsAt(ServiceRequest request) {
        return WHEN.format(request.startsAt.atZoneSameInstant(BusinessClock.ZONE));
    }

    /** R-SERVICE-2 in words: "还剩 12 分钟审核" or "已超时 5 分钟", never colour alone. */
    private static String clock(ServiceRequest request, OffsetDateTime now, Page page) {
        long seconds = Duration.between(now, request.createdAt.plus(ServiceRequest.REVIEW_WITHIN)).toSeconds();
        // a minute begun counts as left: 17 min 59 s left reads "18 minutes left", as a wall clock would say
        return seconds >= 0 ? page.t("staff.queue.minutesLeft", (seconds + 59) / 60)
                : page.t("staff.queue.minutesLate", -seconds / 60);
    }

    static Map<String, String> serviceNames(Page page) {
        return SkillTag.<SkillTag>listAll().stream()
                .collect(Collectors.toMap(t -> t.code, t -> page.english() ? t.nameEn : t.nameZh));
    }
}
