package cn.tongyi.plugin.merchant.agreement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A merchant as the API shows it; the fee rate as a percentage string ("3.00"). */
public record MerchantView(UUID id, String name, Category category, String feeRatePercent, String offer,
        LocalDate validFrom, LocalDate validTo, MerchantStatus status, UUID loginId, OffsetDateTime createdAt,
        OffsetDateTime terminatedAt, String terminationReason) {

    public static MerchantView of(Merchant merchant) {
        return new MerchantView(merchant.id(), merchant.name(), merchant.category(), merchant.feeRate().percent(),
                merchant.offer(), merchant.validFrom(), merchant.validTo(), merchant.status(), merchant.loginId(),
                merchant.createdAt(), merchant.terminatedAt(), merchant.terminationReason());
    }
}
