package cn.tongyi.plugin.merchant.agreement;

import cn.tongyi.plugin.api.PluginProblem;
import java.util.Locale;

/** What a merchant sells; R-BRANCH-2 asks every branch for at least a supermarket, a pharmacy, housekeeping, a restaurant. */
public enum Category {
    SUPERMARKET("超市", "Supermarket"),
    PHARMACY("药店", "Pharmacy"),
    HOUSEKEEPING("家政", "Housekeeping"),
    RESTAURANT("餐饮", "Restaurant"),
    OTHER("其他", "Other");

    private final String labelZh;
    private final String labelEn;

    Category(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String label(boolean english) {
        return english ? labelEn : labelZh;
    }

    /** 400 {@code invalid-category} for anything but the five names. */
    public static Category parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw PluginProblem.badRequest("invalid-category",
                    "category is one of SUPERMARKET, PHARMACY, HOUSEKEEPING, RESTAURANT, OTHER");
        }
    }
}
