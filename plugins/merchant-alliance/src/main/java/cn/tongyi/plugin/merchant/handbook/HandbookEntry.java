package cn.tongyi.plugin.merchant.handbook;

import cn.tongyi.plugin.merchant.agreement.Category;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A merchant in the member discount handbook (R-MERCHANT-4): where it is, what it offers members and how points are used
 * there.
 *
 * @param branch the code of the merchant's branch
 */
public record HandbookEntry(String branch, UUID merchantId, String name, Category category, String categoryLabel,
        String offer, LocalDate validTo, String pointUse) {
}
