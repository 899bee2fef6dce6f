package cn.tongyi.web.ui;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Double-submit CSRF check on every write to a page path: the form's {@value #FORM_FIELD} field (or the
 * {@value #HEADER} header, for htmx) must equal the HttpOnly {@link UiCookies#CSRF} cookie, which another site can
 * neither read nor set. No page author can forget it: it runs before every page resource. The JSON API under /api is
 * not concerned (it takes a Bearer token, or the SameSite session cookie that a cross-site form never carries).
 */
public class CsrfCheck {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final PageErrors errors;

    CsrfCheck(PageErrors errors) {
        this.errors = errors;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (SAFE.contains(context.getMethod()) || !PagePaths.isPage(request.path())) {
            return null;
        }
        Cookie cookie = request.getCookie(UiCookies.CSRF);
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(FORM_FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (cookie == null || sent == null || !sameBytes(cookie.getValue(), sent)) {
            return errors.page(403, "ui.error.csrf");
        }
        return null;
    }

    private static boolean sameBytes(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
