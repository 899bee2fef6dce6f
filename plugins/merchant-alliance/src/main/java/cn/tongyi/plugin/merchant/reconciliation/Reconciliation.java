package cn.tongyi.plugin.merchant.reconciliation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * R-MERCHANT-3: a merchant's month: what members spent there, the discounts their points gave, and the management fee
 * owed on the spending; whether the fee was received, and how much was received if it was.
 *
 * @param month YYYY-MM
 */
public record Reconciliation(UUID merchantId, String merchantName, String month, long lines, long spendingFen,
        long discountFen, String feeRatePercent, long feeDueFen, boolean feeReceived, Long receivedFeeFen,
        String receiptNo, OffsetDateTime receivedAt) {
}
