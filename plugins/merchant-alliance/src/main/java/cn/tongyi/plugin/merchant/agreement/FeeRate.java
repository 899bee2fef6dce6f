package cn.tongyi.plugin.merchant.agreement;

import cn.tongyi.plugin.api.PluginProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A merchant's management fee as a share of what members spent there (R-MERCHANT-1), exact in basis points: 3 % to
 * 5 %, i.e. 300 to 500.
 */
public record FeeRate(int basisPoints) {

    private static final int MINIMUM_BASIS_POINTS = 300;
    private static final int MAXIMUM_BASIS_POINTS = 500;

    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

    public FeeRate {
        if (basisPoints < MINIMUM_BASIS_POINTS || basisPoints > MAXIMUM_BASIS_POINTS) {
            throw new IllegalArgumentException("A fee rate is 300 to 500 basis points: " + basisPoints);
        }
    }

    /**
     * A percentage as a decimal string with at most two decimals ("3", "3.5", "4.25"): 400 {@code invalid-fee-rate}
     * if it is not one (never rounded), 422 {@code fee-rate-out-of-range} outside 3.00 to 5.00.
     */
    public static FeeRate parsePercent(String percent) {
        if (percent == null || !PERCENT.matcher(percent.strip()).matches()) {
            throw PluginProblem.badRequest("invalid-fee-rate",
                    "feeRatePercent is a percentage with at most two decimals, such as \"3.00\"");
        }
        int basisPoints = new BigDecimal(percent.strip()).movePointRight(2).intValueExact();
        if (basisPoints < MINIMUM_BASIS_POINTS || basisPoints > MAXIMUM_BASIS_POINTS) {
            throw PluginProblem.unprocessable("fee-rate-out-of-range",
                    "The management fee is 3.00 to 5.00 percent of members' spending (R-MERCHANT-1)");
        }
        return new FeeRate(basisPoints);
    }

    /** "3.00" for 3 %. */
    public String percent() {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString();
    }

    /** R-MERCHANT-3: the fee on members' spending, rounded half-up to the fen (10,000.00 CNY at 3 % is 300.00 CNY). */
    public long feeOn(long spendingFen) {
        return BigDecimal.valueOf(spendingFen)
                .multiply(BigDecimal.valueOf(basisPoints))
                .movePointLeft(4)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
