package cn.tongyi.core.service;

import cn.tongyi.core.idempotency.IdempotencyKeys;
import cn.tongyi.core.idempotency.RetryTransient;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.PostedTransfer;
import cn.tongyi.core.ledger.TransferView;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The paper point book (纸质积分登记本, 楼长管家代录, R-LEDGER-8): a steward enters a line of a resident's paper book,
 * paying for a service order the resident received in this branch. Nobody names a payee: see {@link PaperPointBook}.
 */
@Path("/api/branches/{branch}/ledger/transfers")
@Tag(name = "Branch ledger")
public class PaperPointBookResource {

    /**
     * A line of the paper point book. The order is named by its id or by the number of the 服务验收单 it was confirmed
     * with; {@code paperFormNo} is the point-book form's own number, entered once per branch.
     */
    public record PaperLine(@NotNull UUID memberId, @Size(max = 40) String serviceRequestId,
            @Size(max = 40) String confirmationFormNo,
            @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal points,
            @NotBlank @Size(max = 40) String paperFormNo, @Size(max = 400) String note) {
    }

    private final PaperPointBook book;
    private final CurrentBranch currentBranch;
    private final CurrentPerson person;
    private final PersonIds personIds;
    private final CallerGrants caller;
    private final OpaqueIds opaqueIds;

    PaperPointBookResource(PaperPointBook book, CurrentBranch currentBranch, CurrentPerson person,
            PersonIds personIds, CallerGrants caller, OpaqueIds opaqueIds) {
        this.book = book;
        this.currentBranch = currentBranch;
        this.person = person;
        this.personIds = personIds;
        this.caller = caller;
        this.opaqueIds = opaqueIds;
    }

    /**
     * Not {@code @Idempotent}: the line's form number is its identity in the ledger (applied once per branch), and a
     * repeated line is answered from the ledger's record (ADR 8).
     */
    @POST
    @Transactional
    @RetryTransient
    @BranchRoles({Role.STEWARD, Role.BRANCH_HEAD})
    @Operation(summary = "Enter a line of a resident's paper point book: points paid for a service order they "
            + "received here, at most its hours served (R-LEDGER-8); needs an Idempotency-Key")
    public RestResponse<TransferView> enter(@PathParam("branch") String branch,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull PaperLine line) {
        IdempotencyKeys.require(idempotencyKey);
        BranchCode code = currentBranch.require();
        long orderId = orderOf(code, line);
        PostedTransfer posted = book.enter(code, new PaperPointBook.Line(personIds.require(line.memberId()), orderId,
                Points.parse(line.points()), line.paperFormNo().strip(), line.note()), person.id(), caller.username());
        RestResponse.ResponseBuilder<TransferView> response = RestResponse.ResponseBuilder
                .<TransferView>created(URI.create("/api/branches/" + code + "/ledger/transfers/"
                        + opaqueIds.seal(OpaqueIds.Kind.TRANSFER, posted.id())))
                .entity(TransferView.of(posted, personIds));
        if (posted.replayed()) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private long orderOf(BranchCode code, PaperLine line) {
        if ((line.serviceRequestId() == null) == (line.confirmationFormNo() == null)) {
            throw ApiProblem.invalidField("service-required", "serviceRequestId",
                    "Name the service order: its id, or the number of the 服务验收单 it was confirmed with");
        }
        return line.serviceRequestId() != null
                ? opaqueIds.require(OpaqueIds.Kind.SERVICE_REQUEST, line.serviceRequestId())
                : book.orderConfirmedBy(code, line.confirmationFormNo().strip());
    }
}
