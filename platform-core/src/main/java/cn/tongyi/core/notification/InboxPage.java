package cn.tongyi.core.notification;

import cn.tongyi.core.idempotency.PageWrites;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/** My messages, newest first, each marked read when I say I have read it; the inbox API does the work. */
@Path("/m/{branch}/inbox")
@Produces(PageErrors.HTML)
public class InboxPage {

    static final int PER_PAGE = 20;

    @TemplateData
    public record Row(String id, String title, String body, String when, boolean unread) {
    }

    @Inject
    @Location("notification/inbox.html")
    Template inbox;

    private final InboxResource api;
    private final MemberPages pages;
    private final ConsolePages problems;
    private final PageWrites writes;
    private final OpaqueIds opaqueIds;

    InboxPage(InboxResource api, MemberPages pages, ConsolePages problems, PageWrites writes, OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.api = api;
        this.pages = pages;
        this.problems = problems;
        this.writes = writes;
    }

    @GET
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.VOLUNTEER, Role.MEMBER, Role.MERCHANT,
            Role.GOV_VIEWER})
    @Operation(hidden = true)
    public String show(@PathParam("branch") String branch, @QueryParam("cursor") String cursor,
            @QueryParam(MemberWords.PROBLEM) String problem) {
        Page page = pages.page("member.inbox.title");
        InboxResource.Page messages = api.list(branch, cursor, PER_PAGE);
        return inbox.data("page", page).data("branch", branch)
                .data("rows", messages.messages().stream().map(m -> new Row(opaqueIds.seal(OpaqueIds.Kind.MESSAGE, m.id()), m.title(), m.body(),
                        MemberWords.when(page, m.createdAt()), m.readAt() == null)).toList())
                .data("next", messages.nextCursor() == null ? null
                        : opaqueIds.seal(OpaqueIds.Kind.MESSAGE, messages.nextCursor()))
                .data("problem", problems.problemText(page, problem)).render();
    }

    @POST
    @Path("/{id}/read")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.VOLUNTEER, Role.MEMBER, Role.MERCHANT,
            Role.GOV_VIEWER})
    @Operation(hidden = true)
    public Response read(@PathParam("branch") String branch, @PathParam("id") String id,
            @RestForm String idempotencyKey) {
        String back = "/m/" + branch + "/inbox";
        try {
            return writes.once(idempotencyKey, new Object[] {id}, () -> {
                api.markRead(branch, id);
                return URI.create(back + "#message-" + id);
            });
        } catch (ApiProblem refused) {
            return MemberWords.refused(back, refused);
        }
    }
}
