package cn.tongyi.plugin.merchant.redemption;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A point code redeemed at a merchant of this branch.
 *
 * @param memberHomeBranch the member's home branch at the time: points are good across the alliance (R-LEDGER-2)
 * @param codeNonce        the code's nonce: a code redeems once
 * @param transferId       the ledger's transfer
 */
public record Redemption(UUID id, UUID merchantId, UUID memberId, String memberHomeBranch, String codeNonce,
        PointDiscount discount, Long transferId, OffsetDateTime createdAt) {

    public Redemption withTransfer(long transfer) {
        return new Redemption(id, merchantId, memberId, memberHomeBranch, codeNonce, discount, transfer, createdAt);
    }
}
