package cn.tongyi.core.ledger;

import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.web.BusinessClock;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's own points: balance, history and disputes (R-LEDGER-4, R-LEDGER-6). Only ever the caller's. */
@Path("/api/me/points")
@Authenticated
@Tag(name = "My points")
public class MemberPointsResource {

    public record Balance(UUID personId, String points, OffsetDateTime asOf) {
    }

    public record EntryPage(List<EntryView> entries, String nextCursor) {
    }

    public record NewDispute(@NotBlank @Size(max = 40) String transferId, @Size(max = 31) String branch,
            @NotBlank @Size(max = 4000) String evidence) {
    }

    private final CurrentPerson me;
    private final LedgerService ledger;
    private final MemberHistory history;
    private final DisputeService disputes;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    MemberPointsResource(CurrentPerson me, LedgerService ledger, MemberHistory history, DisputeService disputes,
            BusinessClock clock, OpaqueIds opaqueIds) {
        this.me = me;
        this.ledger = ledger;
        this.history = history;
        this.disputes = disputes;
        this.clock = clock;
        this.opaqueIds = opaqueIds;
    }

    @GET
    @Operation(summary = "My balance in points (a decimal string with two decimals), valid in every branch")
    public Balance balance() {
        return new Balance(me.publicId(), Points.format(ledger.balance(me.id())), clock.now());
    }

    @GET
    @Path("/entries")
    @Operation(summary = "My entries, newest first; pass nextCursor back as cursor for the next page")
    public EntryPage entries(@QueryParam("cursor") @Size(max = 100) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MemberHistory.MAX_LIMIT) int limit) {
        MemberHistory.Page page = history.page(me.id(), cursor, limit);
        return new EntryPage(page.entries(), page.nextCursor());
    }

    @POST
    @Path("/disputes")
    @Idempotent
    @Operation(summary = "Dispute one of my transfers with evidence (text, links); needs an Idempotency-Key")
    public RestResponse<DisputeView> dispute(@Valid @NotNull NewDispute request) {
        DisputeView filed = disputes.file(me.id(), opaqueIds.require(OpaqueIds.Kind.TRANSFER, request.transferId()),
                request.branch(), request.evidence());
        return RestResponse.ResponseBuilder
                .<DisputeView>created(URI.create("/api/me/points/disputes/"
                        + opaqueIds.seal(OpaqueIds.Kind.DISPUTE, filed.id())))
                .entity(filed)
                .build();
    }

    @GET
    @Path("/disputes")
    @Operation(summary = "My disputes, newest first")
    public List<DisputeView> myDisputes() {
        return disputes.ofPerson(me.id());
    }
}
