package cn.tongyi.core.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resident identity card number (GB 11643-1999): 17 digits and a check character, with the birth date in
 * positions 7–14. Only a valid number can be constructed.
 */
public final class ChineseIdNumber {

    private static final Pattern FORMAT = Pattern.compile("^\\d{17}[\\dX]$");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final LocalDate birthDate;

    private ChineseIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** The number if it is well-formed, has a real birth date not in the future, and its check character fits. */
    public static Optional<ChineseIdNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches() || checkCharacter(value) != value.charAt(17)) {
            return Optional.empty();
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
                return Optional.empty();
            }
            return Optional.of(new ChineseIdNumber(value, birth));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    @Override
    public String toString() {
        return Masks.idNumber(value);
    }
}
