package cn.tongyi.core.ledger;

import cn.tongyi.core.idempotency.PageWrites;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.core.member.MemberWords;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A points entry I think is wrong (R-LEDGER-6): the form to dispute it with what I know, and my disputes with where
 * they stand and the day they are to be decided by. {@link DisputeService} does the work, as for the API.
 */
@Path("/m/{branch}/disputes")
@Produces(PageErrors.HTML)
public class PointsDisputePage {

    /** A dispute, by its opaque id, of the entry of {@code entryDay}. */
    @TemplateData
    public record Row(String id, String entryDay, String points, String filed, String status, String dueBy,
            String note) {
    }

    @Inject
    @Location("ledger/disputes.html")
    Template disputes;

    private final DisputeService service;
    private final MemberPages pages;
    private final ConsolePages problems;
    private final PageWrites writes;
    private final CurrentPerson me;
    private final Validator validator;
    private final OpaqueIds opaqueIds;

    PointsDisputePage(DisputeService service, MemberPages pages, ConsolePages problems, PageWrites writes,
            CurrentPerson me, Validator validator, OpaqueIds opaqueIds) {
        this.service = service;
        this.pages = pages;
        this.problems = problems;
        this.writes = writes;
        this.me = me;
        this.validator = validator;
        this.opaqueIds = opaqueIds;
    }

    @GET
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("transfer") String transfer,
            @QueryParam("done") String done, @QueryParam(MemberWords.PROBLEM) String problem) {
        Page page = pages.page("member.disputes.title");
        List<Row> rows = service.ofPerson(me.id()).stream().map(d -> new Row(
                opaqueIds.seal(OpaqueIds.Kind.DISPUTE, d.id()), MemberWords.day(page, d.transfer().at()),
                d.transfer().points(), MemberWords.day(page, d.filedAt()),
                page.t("member.disputes.status." + d.status())
                        + (d.overdue() ? " " + page.t("member.disputes.overdue") : ""),
                MemberWords.day(page, d.dueOn()), d.decisionNote())).toList();
        return disputes.data("page", page).data("branch", branch)
                .data("transfer", transfer == null ? null : disputable(transfer, page)).data("rows", rows)
                .data("notice", done == null ? null : page.t("member.disputes." + done))
                .data("problem", problems.problemText(page, problem)).render();
    }

    /** The entry named in the address, to dispute: its token for the form, its day and points for the heading. */
    @TemplateData
    public record Disputable(String id, String day, String points) {
    }

    private Disputable disputable(String token, Page page) {
        PostedTransfer transfer = service.ownTransfer(me.id(), opaqueIds.require(OpaqueIds.Kind.TRANSFER, token));
        return new Disputable(token, MemberWords.day(page, transfer.createdAt()), Points.format(transfer.amount()));
    }

    @POST
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public Response file(@PathParam("branch") String branch, @RestForm String transferId, @RestForm String evidence,
            @RestForm String idempotencyKey) {
        String back = "/m/" + branch + "/disputes";
        String text = evidence == null ? null : evidence.strip();
        try {
            return writes.once(idempotencyKey, new Object[] {transferId, text}, () -> {
                MemberPointsResource.NewDispute dispute = new MemberPointsResource.NewDispute(transferId, null, text);
                if (!validator.validate(dispute).isEmpty()) {
                    throw ApiProblem.badRequest("invalid-request", "Name the entry and say what is wrong with it");
                }
                service.file(me.id(), opaqueIds.require(OpaqueIds.Kind.TRANSFER, dispute.transferId()), null,
                        dispute.evidence());
                return URI.create(back + "?done=sent");
            });
        } catch (ApiProblem refused) {
            return MemberWords.refused(back + (transferId == null ? "" : "?transfer=" + transferId), refused);
        }
    }
}
