package cn.tongyi.core.ledger;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A transfer as the ledger recorded it. Amounts in centi-points; {@code shortfall} is the part of a penalty that met
 * an empty balance and was not taken. The balances after are those of the member sides (null for a system side).
 * {@code replayed} is true when the ledger answered a repeated request (same kind and key) with this earlier transfer.
 */
public record PostedTransfer(long id, TransferKind kind, String branch, Party from, Party to, long debitAccountId,
        long creditAccountId, long amount, long shortfall, TransferRequest.Reference reference, Long corrects,
        Long debitBalanceAfter, Long creditBalanceAfter, OffsetDateTime createdAt, String createdBy, String note, boolean replayed) {

    /** Whether this transfer is what the request asked for: same kind, branch, parties, cause and requested amount. */
    boolean sameAs(TransferRequest request) {
        return kind == request.kind() && branch.equals(request.branch()) && from.equals(request.from())
                && to.equals(request.to()) && amount + shortfall == request.centiPoints()
                && Objects.equals(reference, request.reference());
    }

    PostedTransfer asReplay() {
        return new PostedTransfer(id, kind, branch, from, to, debitAccountId, creditAccountId, amount, shortfall,
                reference, corrects, debitBalanceAfter, creditBalanceAfter, createdAt, createdBy, note, true);
    }
}
