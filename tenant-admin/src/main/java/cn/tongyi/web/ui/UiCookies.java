package cn.tongyi.web.ui;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The cookies of the browser pages (ADR 0015). The session cookie holds the same access token the API issues; it is
 * HttpOnly and SameSite=Lax: Lax, not Strict, so that a resident who opens a link to the member app from a message is
 * still logged in, while a cross-site form post never carries it (and every page form carries a CSRF token too).
 */
public final class UiCookies {

    public static final String SESSION = "tongyi_session";
    public static final String CSRF = "tongyi_csrf";
    public static final String ELDER = "tongyi_elder";
    public static final String LANGUAGE = "tongyi_lang";

    /** How long a preference (elder mode, language) is remembered on the device. */
    private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

    private UiCookies() {
    }

    public static Cookie session(String token, long maxAgeSeconds) {
        return httpOnly(SESSION, token, maxAgeSeconds);
    }

    public static Cookie csrf(String token) {
        return httpOnly(CSRF, token, -1);
    }

    public static Cookie preference(String name, String value) {
        return httpOnly(name, value, ONE_YEAR_SECONDS);
    }

    /** Tells the browser to forget the cookie. */
    public static Cookie expired(String name) {
        return httpOnly(name, "", 0);
    }

    private static Cookie httpOnly(String name, String value, long maxAgeSeconds) {
        Cookie cookie = Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX);
        if (maxAgeSeconds >= 0) {
            cookie.setMaxAge(maxAgeSeconds);
        }
        return cookie;
    }
}
