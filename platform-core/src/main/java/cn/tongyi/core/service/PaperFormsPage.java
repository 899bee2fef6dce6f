package cn.tongyi.core.service;

import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.member.MemberAccess;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Paper entry for residents without a phone: the 会员登记表 (on the members page), the 服务验收单 of requests a
 * volunteer accepted (on each request's page), and lines of the paper point book (R-LEDGER-8), entered here.
 */
@Path("/s/{branch}/paper")
@Produces(PageErrors.HTML)
@BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
public class PaperFormsPage {

    @TemplateData
    public record MemberChoice(UUID id, String label) {
    }

    @TemplateData
    public record Awaiting(String id, String requester, String service, String startsAt) {
    }

    /** A completed service its requester may still pay points for, at most {@code payable} (R-LEDGER-8). */
    @TemplateData
    public record Payable(String id, String requester, String service, String startsAt, String payable) {
    }

    private static final int PAYABLE_SHOWN = 100;

    @Inject
    @Location("service/paper.html")
    Template paper;

    private final PaperPointBookResource pointBook;
    private final MemberAccess access;
    private final ConsolePages pages;
    private final Validator validator;
    private final OpaqueIds opaqueIds;

    PaperFormsPage(PaperPointBookResource pointBook, MemberAccess access, ConsolePages pages, Validator validator,
            OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.validator = validator;
        this.pointBook = pointBook;
        this.access = access;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public String forms(@PathParam("branch") String branch, @QueryParam(ConsolePages.PROBLEM) String problem,
            @QueryParam("entered") String entered) {
        Page page = pages.page("staff.paper.title");
        Set<Long> mine = access.visibleBuildings();
        List<MemberChoice> members = (mine == null ? Member.<Member>listAll(Sort.by("name"))
                : Member.<Member>list("buildingId in ?1", Sort.by("name"), mine)).stream()
                .map(m -> new MemberChoice(m.id, m.name + " · " + m.unit + page.t("staff.members.unitSuffix")))
                .toList();
        Map<String, String> services = ReviewQueuePage.serviceNames(page);
        List<Awaiting> awaiting = ServiceRequest.<ServiceRequest>list("status", Sort.by("startsAt"),
                ServiceRequest.Status.ACCEPTED).stream()
                .map(r -> new Awaiting(opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, r.id), r.requesterName,
                        services.getOrDefault(r.serviceType, r.serviceType), ReviewQueuePage.startsAt(r)))
                .toList();
        List<Payable> payable = ServiceRequest.<ServiceRequest>find("status = ?1 and paid < credited",
                        Sort.by("startsAt").descending(), ServiceRequest.Status.COMPLETED).range(0, PAYABLE_SHOWN - 1)
                .<ServiceRequest>stream()
                .filter(r -> mine == null || mine.contains(r.buildingId))
                .map(r -> new Payable(opaqueIds.seal(OpaqueIds.Kind.SERVICE_REQUEST, r.id), r.requesterName,
                        services.getOrDefault(r.serviceType, r.serviceType), ReviewQueuePage.startsAt(r),
                        Points.format(r.credited - r.paid)))
                .toList();
        return paper.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("members", members).data("awaiting", awaiting).data("payable", payable)
                .data("entered", entered)
                .data("problem", pages.problemText(page, problem)).render();
    }

    /** A line of the paper point book; its form number is entered once per branch, so a resubmission repeats it. */
    @POST
    @Path("/point-book")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response pointBookLine(@PathParam("branch") String branch, @RestForm String idempotencyKey,
            @RestForm UUID memberId, @RestForm String serviceRequestId, @RestForm String hours,
            @RestForm String paperFormNo, @RestForm String note) {
        if (paperFormNo == null || paperFormNo.isBlank()) {
            return pages.refused("/paper", ApiProblem.badRequest("invalid-request", "The form's number is needed"));
        }
        try {
            BigDecimal points = hours == null || !hours.strip().matches("\\d{1,4}(\\.\\d{1,2})?") ? null
                    : new BigDecimal(hours.strip());
            PaperPointBookResource.PaperLine line = new PaperPointBookResource.PaperLine(memberId, serviceRequestId,
                    null, points, paperFormNo, note == null || note.isBlank() ? null : note.strip());
            if (!validator.validate(line).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "Fill in every field of the form");
            }
            pointBook.enter(branch, idempotencyKey, line);
            return pages.seeOther("/paper?entered=" + paperFormNo.strip());
        } catch (ApiProblem problem) {
            return pages.refused("/paper", problem);
        }
    }
}
