package cn.tongyi.plugin.merchant.redemption;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A redemption as the API shows it: the member masked, points as a decimal string, money in fen. The ledger's own
 * number for the transfer is not shown (it would count the alliance's business); the member's entry names this
 * redemption's id as its reference.
 */
public record RedemptionView(UUID id, UUID merchantId, String memberName, String memberHomeBranch, String points,
        long discountFen, long purchaseFen, long payFen, OffsetDateTime createdAt) {

    public static RedemptionView of(Redemption redemption, String maskedMemberName) {
        PointDiscount discount = redemption.discount();
        return new RedemptionView(redemption.id(), redemption.merchantId(), maskedMemberName,
                redemption.memberHomeBranch(), Points.format(discount.centiPoints()), discount.discountFen(),
                discount.purchaseFen(), discount.payFen(), redemption.createdAt());
    }
}
