package cn.tongyi.core.privacy;

/** How private data is shown to those who may not see it in clear. */
public final class Masks {

    private Masks() {
    }

    /** {@code 110101199003071234} → {@code 110***********1234}. */
    public static String idNumber(String value) {
        return value == null ? null : keep(value, 3, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        return value == null ? null : keep(value, 3, 4);
    }

    /** A name keeps its first character: {@code 王秀英} → {@code 王**}. */
    public static String name(String value) {
        return value == null || value.isEmpty() ? value : keep(value, 1, 0);
    }

    /** Free text such as a room number is hidden whole. */
    public static String text(String value) {
        return value == null ? null : "****";
    }

    private static String keep(String value, int head, int tail) {
        int[] codePoints = value.codePoints().toArray();
        if (codePoints.length <= head + tail) {
            return "*".repeat(codePoints.length);
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < codePoints.length; i++) {
            if (i < head || i >= codePoints.length - tail) {
                masked.appendCodePoint(codePoints[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}
