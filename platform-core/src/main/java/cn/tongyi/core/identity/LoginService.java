package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks a username and password. Every refusal looks the same (unknown user, wrong password, locked account) and
 * costs the same bcrypt work, so a caller learns nothing about which usernames exist. Five wrong passwords in a
 * row lock the login for a quarter of an hour.
 */
@ApplicationScoped
public class LoginService {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(LoginService.class);

    private final TokenIssuer tokens;

    LoginService(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Transactional(dontRollbackOn = ApiProblem.class)
    public TokenIssuer.AccessToken login(String username, String password) {
        Optional<Person> found = Person.find("username", Person.normalize(username))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (found.isEmpty()) {
            Passwords.spendEqualTime(password);
            throw refused();
        }
        Person person = found.get();
        OffsetDateTime now = OffsetDateTime.now();
        if (person.lockedUntil != null && person.lockedUntil.isAfter(now)) {
            Passwords.spendEqualTime(password);
            throw refused();
        }
        if (!Passwords.matches(password, person.passwordHash)) {
            person.failedLogins++;
            if (person.failedLogins >= MAX_FAILURES) {
                person.failedLogins = 0;
                person.lockedUntil = now.plus(LOCKOUT);
                LOG.warnf("Login %s locked until %s after %d failed attempts", person.username, person.lockedUntil,
                        MAX_FAILURES);
            }
            throw refused();
        }
        person.failedLogins = 0;
        person.lockedUntil = null;
        return tokens.issue(person);
    }

    private static ApiProblem refused() {
        return new ApiProblem(401, "invalid-credentials", "Wrong username or password, or the login is locked for a while");
    }
}
