package cn.tongyi.plugin.merchant.code;

import java.time.Instant;
import java.util.UUID;

/**
 * What a point code says (R-MERCHANT-2): this member may redeem points once in this branch until it expires.
 *
 * @param nonce random, unique per code: the redemption's idempotency key, so the same code redeems once
 */
public record PointCode(UUID memberId, String branch, Instant expiresAt, String nonce) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
