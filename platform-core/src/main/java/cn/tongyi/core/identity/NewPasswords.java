package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** What a new password must be, and passwords the platform makes up (first admin, resets). */
final class NewPasswords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private NewPasswords() {
    }

    static void requireAcceptable(Person person, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw ApiProblem.invalidField("invalid-password", "newPassword",
                    MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (person.username != null && password.toLowerCase(Locale.ROOT).contains(person.username)) {
            throw ApiProblem.invalidField("invalid-password", "newPassword", "A password does not contain the username");
        }
    }

    /** 20 characters from 120 random bits. */
    static String random() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
