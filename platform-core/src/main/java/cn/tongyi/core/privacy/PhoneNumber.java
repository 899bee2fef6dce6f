package cn.tongyi.core.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland China mobile number (11 digits starting 13–19); spaces, dashes and a +86 prefix are tolerated. */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

    private PhoneNumber() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
