package cn.tongyi.plugin.merchant.reconciliation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A merchant's management fee for a month, received and booked as the branch's income (R-MERCHANT-3, R-FIN-1).
 *
 * @param month YYYY-MM
 */
public record FeeReceipt(UUID merchantId, String month, long spendingFen, String feeRatePercent, long feeFen,
        String receiptNo, OffsetDateTime receivedAt) {
}
