package cn.tongyi.plugin.merchant.agreement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a merchant agrees to (R-MERCHANT-1), checked: its offer to members, its fee rate and the agreement's days. */
public record AgreementTerms(String name, Category category, FeeRate feeRate, String offer, LocalDate validFrom,
        LocalDate validTo) {

    /** The merchant these terms sign up, ACTIVE from now. */
    public Merchant signed(UUID id, UUID loginId, OffsetDateTime at) {
        return new Merchant(id, name, category, feeRate, offer, validFrom, validTo, MerchantStatus.ACTIVE, null, null,
                loginId, at);
    }
}
