package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.PluginProblem;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Points as the platform keeps them: an exact count of hundredths ("centi-points"), shown as a decimal string with
 * two decimals ("3.50"). More than two decimals is refused, never rounded.
 */
public final class Points {

    public static final long CENTI_POINTS_PER_POINT = 100;

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

    private Points() {
    }

    /** Centi-points of a positive decimal string with at most two decimals; 400 {@code invalid-points} otherwise. */
    public static long parse(String points) {
        String text = points == null ? "" : points.strip();
        long centiPoints = DECIMAL.matcher(text).matches()
                ? new BigDecimal(text).movePointRight(2).longValueExact()
                : 0;
        if (centiPoints <= 0) {
            throw PluginProblem.badRequest("invalid-points",
                    "points is a decimal string above 0 with at most two decimals, such as \"3.50\"");
        }
        return centiPoints;
    }

    public static String format(long centiPoints) {
        return BigDecimal.valueOf(centiPoints, 2).toPlainString();
    }
}
