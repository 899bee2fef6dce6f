package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.PluginProblem;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * The body of {@code POST /redemptions}: the code the member shows, what the purchase costs, and optionally the points
 * to use (a decimal string; the most allowed when left out).
 */
public record RedemptionRequest(String code, BigDecimal purchaseFen, String points) {

    /** The purchase in whole fen, more than 0; 400 {@code invalid-purchase} otherwise. */
    public long checkedPurchaseFen() {
        try {
            long fen = purchaseFen.longValueExact();
            if (fen > 0) {
                return fen;
            }
        } catch (ArithmeticException | NullPointerException e) {
            // not a whole number of fen: refused below
        }
        throw PluginProblem.badRequest("invalid-purchase", "purchaseFen is a whole number of fen above 0");
    }

    public OptionalLong checkedCentiPoints() {
        return points == null || points.isBlank() ? OptionalLong.empty() : OptionalLong.of(Points.parse(points));
    }
}
