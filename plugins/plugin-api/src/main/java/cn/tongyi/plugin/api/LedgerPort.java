package cn.tongyi.plugin.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The points ledger, as far as a plugin may use it: a member's points redeemed in this branch. A posting applies once
 * per idempotency key (the same key again returns the first, marked replayed). Refusals are {@link PluginProblem}s:
 * 404 {@code member-not-found}, 409 {@code insufficient-points} (which tells nothing of the balance), 409
 * {@code branch-not-active}.
 */
public interface LedgerPort {

    /**
     * R-MERCHANT-2: moves points from the member's account to this branch's redemption account.
     *
     * @param memberId    the member's public id; a member of any branch of the alliance
     * @param centiPoints hundredths of a point, more than 0
     * @param reference   what caused it, for the member's history (e.g. the merchant and receipt)
     */
    Redemption redeem(UUID memberId, long centiPoints, String reference, String idempotencyKey);

    /** A redemption as the ledger recorded it. */
    record Redemption(long transferId, long centiPoints, OffsetDateTime at, boolean replayed) {
    }
}
