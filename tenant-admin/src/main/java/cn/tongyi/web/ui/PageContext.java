package cn.tongyi.web.ui;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Builds the {@link Page} of the current request from its cookies: language (Chinese unless switched to English),
 * elder mode (the page's default, e.g. on for members over 60, unless switched) and the CSRF token, issued here on the
 * first page a browser sees.
 */
@RequestScoped
public class PageContext {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentVertxRequest request;

    PageContext(CurrentVertxRequest request) {
        this.request = request;
    }

    /** A page of someone not logged in (the login page, an error). */
    public Page anonymous(String titleKey) {
        return page(titleKey, false, null);
    }

    /**
     * @param elderByDefault whether elder mode is on until the user switches (members over 60)
     * @param userName       shown in the header with the logout button
     */
    public Page page(String titleKey, boolean elderByDefault, String userName) {
        RoutingContext context = request.getCurrent();
        Cookie elder = context.request().getCookie(UiCookies.ELDER);
        boolean elderMode = elder == null ? elderByDefault : "1".equals(elder.getValue());
        return new Page(locale(), elderMode, csrfToken(context), titleKey, context.request().path(), userName);
    }

    public Locale locale() {
        Cookie language = request.getCurrent().request().getCookie(UiCookies.LANGUAGE);
        return language != null && "en".equals(language.getValue()) ? Locale.ENGLISH : Messages.CHINESE;
    }

    private static String csrfToken(RoutingContext context) {
        Cookie known = context.request().getCookie(UiCookies.CSRF);
        if (known != null && !known.getValue().isBlank()) {
            return known.getValue();
        }
        Object issued = context.get(UiCookies.CSRF);
        if (issued != null) {
            return issued.toString();
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        context.put(UiCookies.CSRF, token);
        context.response().addCookie(UiCookies.csrf(token));
        return token;
    }
}
