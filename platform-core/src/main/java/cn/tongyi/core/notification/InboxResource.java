package cn.tongyi.core.notification;

import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.web.Slice;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's in-app inbox in a branch. */
@Path("/api/branches/{branch}/inbox")
@Tag(name = "Inbox")
public class InboxResource {

    public record Message(
            @Opaque(OpaqueIds.Kind.MESSAGE) @Schema(type = SchemaType.STRING) Long id,
            String kind, String title, String body, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    public record Page(List<Message> messages,
            @Opaque(OpaqueIds.Kind.MESSAGE) @Schema(type = SchemaType.STRING) Long nextCursor) {
    }

    private final CurrentPerson person;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    InboxResource(CurrentPerson person, BusinessClock clock, OpaqueIds opaqueIds) {
        this.person = person;
        this.clock = clock;
        this.opaqueIds = opaqueIds;
    }

    @GET
    @Operation(summary = "My messages, newest first")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.VOLUNTEER, Role.MEMBER, Role.MERCHANT, Role.GOV_VIEWER})
    public Page list(@PathParam("branch") String branch, @QueryParam("cursor") @Size(max = 40) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Slice<Notification> slice = Slice.of(Notification.<Notification>find(
                "personId = ?1 and id < ?2 order by id desc", person.id(), opaqueIds.below(OpaqueIds.Kind.MESSAGE, cursor))
                .page(0, limit + 1).list(), limit);
        return new Page(slice.items().stream().map(InboxResource::message).toList(), slice.nextCursor(n -> n.id));
    }

    @POST
    @Path("/{messageId}/read")
    @Transactional
    @Operation(summary = "Mark a message read")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.VOLUNTEER, Role.MEMBER, Role.MERCHANT, Role.GOV_VIEWER})
    public Message markRead(@PathParam("branch") String branch, @PathParam("messageId") String messageId) {
        Notification notification = Notification.<Notification>find("id = ?1 and personId = ?2",
                        opaqueIds.require(OpaqueIds.Kind.MESSAGE, messageId), person.id()).firstResultOptional()
                .orElseThrow(() -> OpaqueIds.notFound(OpaqueIds.Kind.MESSAGE));
        if (notification.readAt == null) {
            notification.readAt = clock.now();
        }
        return message(notification);
    }

    private static Message message(Notification n) {
        return new Message(n.id, n.kind, n.title, n.body, n.createdAt, n.readAt);
    }
}
