package cn.tongyi.core.identity;

import cn.tongyi.web.ui.PagePaths;
import cn.tongyi.web.ui.UiCookies;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The browser session slides (ADR 0015): it ends after {@code tongyi.ui.session-idle-seconds} without a page view
 * (two hours by default, so a slow reader's pause does not log them out), and every page view later than
 * {@code tongyi.ui.session-renew-after-seconds} into the token gets a fresh token, with the person's current grants.
 */
@ApplicationScoped
public class SessionRenewal {

    private final TokenIssuer tokens;
    private final JsonWebToken token;
    private final long idleSeconds;
    private final long renewAfterSeconds;

    SessionRenewal(TokenIssuer tokens, JsonWebToken token,
            @ConfigProperty(name = "tongyi.ui.session-idle-seconds") long idleSeconds,
            @ConfigProperty(name = "tongyi.ui.session-renew-after-seconds") long renewAfterSeconds) {
        this.tokens = tokens;
        this.token = token;
        this.idleSeconds = idleSeconds;
        this.renewAfterSeconds = renewAfterSeconds;
    }

    void start(Person person, HttpServerResponse response) {
        response.addCookie(UiCookies.session(tokens.issue(person, idleSeconds).accessToken(), idleSeconds));
    }

    @ServerResponseFilter
    public void renew(ContainerResponseContext context, HttpServerRequest request, HttpServerResponse response) {
        Cookie session = request.getCookie(UiCookies.SESSION);
        if (session == null || context.getStatus() >= 400 || !PagePaths.isPage(request.path())
                || request.path().equals("/logout") || request.path().equals("/login") || !isDue(session)) {
            return;
        }
        UUID publicId = UUID.fromString(token.getSubject());
        Optional<Person> person = QuarkusTransaction.requiringNew().call(
                () -> Person.<Person>find("publicId", publicId).firstResultOptional());
        person.ifPresent(p -> start(p, response));
    }

    /** Whether the request was authenticated by this cookie's token long enough after it was issued. */
    private boolean isDue(Cookie session) {
        try {
            return session.getValue().equals(token.getRawToken())
                    && token.getIssuedAtTime() <= Instant.now().getEpochSecond() - renewAfterSeconds;
        } catch (AuthenticationFailedException expired) {
            return false;
        }
    }
}
