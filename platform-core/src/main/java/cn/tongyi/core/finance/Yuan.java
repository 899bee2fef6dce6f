package cn.tongyi.core.finance;

import java.math.BigDecimal;

/** Money as people read it: integer fen written as yuan with exactly two decimals ("1234.50"). */
public final class Yuan {

    private Yuan() {
    }

    public static String of(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
