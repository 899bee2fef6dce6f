package cn.tongyi.core.idempotency;

import cn.tongyi.web.ApiProblem;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header every retryable write takes, and the header that marks a replayed answer. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY_FORMAT = Pattern.compile("^[\\x21-\\x7e]{1,100}$");

    private IdempotencyKeys() {
    }

    /** The key as sent; 400 {@code idempotency-key-required} when it is missing or malformed. */
    public static String require(String header) {
        if (header == null || !KEY_FORMAT.matcher(header).matches()) {
            throw ApiProblem.badRequest("idempotency-key-required",
                    "This write needs an " + HEADER + " header of 1 to 100 visible ASCII characters");
        }
        return header;
    }
}
