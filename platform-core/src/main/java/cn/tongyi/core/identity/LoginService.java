package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Checks a username and password, and changes passwords. Every refusal looks the same (unknown user, wrong password)
 * and costs the same bcrypt work, so a caller learns nothing about which usernames exist; repeated failures from one
 * client slow that client down ({@link LoginThrottle}) but never lock the login for anyone else.
 */
@ApplicationScoped
public class LoginService {

    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    private final BusinessClock clock;

    LoginService(TokenIssuer tokens, LoginThrottle throttle, BusinessClock clock) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
    }

    public TokenIssuer.AccessToken login(String client, String username, String password) {
        throttle.requireAllowed(client, username);
        Optional<Person> found = Person.byUsername(username);
        if (found.isEmpty()) {
            Passwords.spendEqualTime(password);
            throw refused(client, username);
        }
        Person person = found.get();
        if (!Passwords.matches(password, person.passwordHash)) {
            throw refused(client, username);
        }
        throttle.succeeded(client, username);
        return tokens.issue(person);
    }

    /** A login changes its own password, proving the current one (throttled like a login). */
    @Transactional
    public void changePassword(String client, long personId, String currentPassword, String newPassword) {
        Person person = Person.findById(personId);
        throttle.requireAllowed(client, person.username);
        if (!Passwords.matches(currentPassword, person.passwordHash)) {
            throttle.failed(client, person.username);
            throw ApiProblem.invalidField("wrong-password", "currentPassword", "The current password is not right");
        }
        NewPasswords.requireAcceptable(person, newPassword);
        if (Passwords.matches(newPassword, person.passwordHash)) {
            throw ApiProblem.invalidField("password-unchanged", "newPassword", "Choose a password you did not use now");
        }
        person.setPassword(newPassword, clock.now(), null);
    }

    private ApiProblem refused(String client, String username) {
        throttle.failed(client, username);
        return new ApiProblem(401, "invalid-credentials", "Wrong username or password");
    }
}
