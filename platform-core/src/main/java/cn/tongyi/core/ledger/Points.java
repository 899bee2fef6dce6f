package cn.tongyi.core.ledger;

import cn.tongyi.web.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points are exact: stored and computed as a long count of hundredths of a point ("centi-points"; a quarter hour of
 * service is 25). The API shows them as a decimal string with two decimals ("12.25", "-5.00") and takes a JSON number
 * or string with at most two decimals.
 */
public final class Points {

    public static final long ONE_POINT = 100;

    private Points() {
    }

    /** Centi-points of a whole number of points. */
    public static long of(long points) {
        return Math.multiplyExact(points, ONE_POINT);
    }

    /** R-LEDGER-1: centi-points of minutes of service, 1 point an hour; exact in quarter hours. */
    public static long ofMinutes(int minutes) {
        if (minutes % 15 != 0) {
            throw new IllegalArgumentException("Service time counts in quarter hours: " + minutes);
        }
        return minutes * ONE_POINT / 60;
    }

    /** Centi-points of a decimal amount; more than two decimals is refused, never rounded. */
    public static long parse(BigDecimal points) {
        try {
            return points.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiProblem.badRequest("invalid-points", "Points have at most two decimals: " + points);
        }
    }

    public static String format(long centiPoints) {
        return BigDecimal.valueOf(centiPoints, 2).toPlainString();
    }
}
