package cn.tongyi.core.member;

import cn.tongyi.core.web.Slice;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-MEMBER-3: the branch head reads who saw which member's private data, when and why. Newest first. */
@Path("/api/branches/{branch}/pii-access-log")
@Tag(name = "Members")
@BranchRoles(Role.BRANCH_HEAD)
public class PiiAccessLogResource {

    public record Entry(Long id, String accessedBy, UUID memberId, String fields, String reason,
            OffsetDateTime accessedAt) {
    }

    public record Page(List<Entry> entries, Long nextCursor) {
    }

    @GET
    @Operation(summary = "Reads of clear private data, newest first; pass nextCursor as cursor for older ones")
    public Page list(@PathParam("branch") String branch, @QueryParam("memberId") UUID memberId,
            @QueryParam("cursor") Long cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String query = "id < ?1" + (memberId != null ? " and memberId = ?2" : "") + " order by id desc";
        Object[] parameters = memberId != null ? new Object[] {cursor == null ? Long.MAX_VALUE : cursor, memberId}
                : new Object[] {cursor == null ? Long.MAX_VALUE : cursor};
        Slice<PiiAccessLog> slice = Slice.of(PiiAccessLog.<PiiAccessLog>find(query, parameters)
                .page(0, limit + 1).list(), limit);
        return new Page(slice.items().stream().map(r -> new Entry(r.id, r.accessedBy, r.memberId, r.fields, r.reason,
                r.accessedAt)).toList(), slice.nextCursor(r -> r.id));
    }
}
