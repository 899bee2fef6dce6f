package cn.tongyi.core.complaint;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reading the community-care forms into the API's requests: a form sends text, the API takes times, fen and ids. A
 * field that cannot be read is refused with the API's own problem, so the page says why as the API would.
 */
public final class CareForms {

    private CareForms() {
    }

    /** The API's request checked with the API's own constraints before it is handed to the API. */
    public static <T> T valid(Validator validator, T request) {
        if (!validator.validate(request).isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Fill in every field of the form");
        }
        return request;
    }

    /** Text as typed, without surrounding blanks; null when empty. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A {@code datetime-local} field, read on the branch's wall clock; null when empty. */
    public static OffsetDateTime time(String value, String field) {
        if (text(value) == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(BusinessClock.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("invalid-time", field, "Not a date and time: " + value);
        }
    }

    /** An amount typed in yuan (at most two decimals) as fen; null when empty. */
    public static Long fen(String yuan, String field) {
        if (text(yuan) == null) {
            return null;
        }
        try {
            return new BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw ApiProblem.invalidField("invalid-request", field, "An amount in yuan, at most two decimals");
        }
    }

    /** A public id typed or chosen in a form; null when empty. */
    public static UUID id(String value, String field) {
        if (text(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("member-not-found", field, "Not an id: " + value);
        }
    }
}
