package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.PluginProblem;
import java.util.Map;
import java.util.OptionalLong;

/**
 * R-MERCHANT-2: each point takes 3.00 CNY off a purchase, at most 10 points (30.00 CNY) on any one purchase, and never
 * more than the purchase itself. Exact in integers: a hundredth of a point takes 3 fen off.
 */
public record PointDiscount(long centiPoints, long discountFen, long purchaseFen) {

    private static final long FEN_PER_POINT = 300;
    private static final long MAX_POINTS_PER_PURCHASE = 10;
    private static final long FEN_PER_CENTI_POINT = FEN_PER_POINT / Points.CENTI_POINTS_PER_POINT;
    private static final long MAX_CENTI_POINTS = MAX_POINTS_PER_PURCHASE * Points.CENTI_POINTS_PER_POINT;

    /**
     * The discount of the points asked for, or of the most the purchase allows when none are named: 422
     * {@code too-many-points} beyond 10 points, 422 {@code discount-over-purchase} beyond the purchase, 422
     * {@code purchase-too-small} when not even a hundredth of a point fits.
     */
    public static PointDiscount of(long purchaseFen, OptionalLong requestedCentiPoints) {
        if (purchaseFen <= 0) {
            throw new IllegalArgumentException("A purchase costs more than nothing: " + purchaseFen);
        }
        long most = mostCentiPoints(purchaseFen);
        if (most == 0) {
            throw PluginProblem.unprocessable("purchase-too-small", "A purchase under 0.03 CNY takes no points");
        }
        long centiPoints = requestedCentiPoints.orElse(most);
        if (centiPoints > MAX_CENTI_POINTS) {
            throw refusal("too-many-points", "At most 10 points (30.00 CNY) go on one purchase", most);
        }
        if (centiPoints > most) {
            throw refusal("discount-over-purchase", "The points would take off more than the purchase costs", most);
        }
        return new PointDiscount(centiPoints, centiPoints * FEN_PER_CENTI_POINT, purchaseFen);
    }

    /** The most points, in hundredths, that the purchase takes: 10 points, or what covers the price, if less. */
    private static long mostCentiPoints(long purchaseFen) {
        return Math.min(MAX_CENTI_POINTS, purchaseFen / FEN_PER_CENTI_POINT);
    }

    /** How points are used, in the member's words: "1 积分抵 3 元,每次最多 10 积分". */
    public static String rule(boolean english) {
        long yuan = FEN_PER_POINT / 100;
        return english
                ? "1 point takes " + yuan + " CNY off, at most " + MAX_POINTS_PER_PURCHASE + " points per purchase"
                : "1 积分抵 " + yuan + " 元,每次最多 " + MAX_POINTS_PER_PURCHASE + " 积分";
    }

    public long payFen() {
        return purchaseFen - discountFen;
    }

    private static PluginProblem refusal(String slug, String detail, long mostCentiPoints) {
        return new PluginProblem(422, slug, detail, Map.of("maxPoints", Points.format(mostCentiPoints)));
    }
}
