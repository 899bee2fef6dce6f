package cn.tongyi.plugin.merchant.agreement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A merchant of this branch with its agreement (R-MERCHANT-1) and its login. */
public record Merchant(UUID id, String name, Category category, FeeRate feeRate, String offer, LocalDate validFrom,
        LocalDate validTo, MerchantStatus status, OffsetDateTime terminatedAt, String terminationReason, UUID loginId,
        OffsetDateTime createdAt) {

    /** Whether the agreement covers the day, termination aside. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
