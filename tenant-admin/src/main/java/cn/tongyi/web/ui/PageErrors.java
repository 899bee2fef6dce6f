package cn.tongyi.web.ui;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Errors on page paths: a readable page in the user's language with a way back, never a stack trace or JSON. Not
 * logged in (or the session ran out): back to the login page, which returns here afterwards.
 */
@ApplicationScoped
public class PageErrors {

    public static final String HTML = "text/html;charset=UTF-8";

    @Inject
    @Location("error.html")
    Template error;

    @Inject
    PageContext pages;

    /** The page for a problem the API would have answered with {@code status}. */
    public Response forStatus(int status, String path) {
        if (status == 401) {
            return toLogin(path);
        }
        String key = switch (status) {
            case 403 -> "ui.error.forbidden";
            case 404 -> "ui.error.notFound";
            case 409, 422 -> "ui.error.conflict";
            case 429 -> "ui.error.tooMany";
            default -> status < 500 ? "ui.error.invalid" : "ui.error.unavailable";
        };
        return page(status, key);
    }

    public Response page(int status, String messageKey) {
        Page page = pages.anonymous("ui.error.title");
        String html = error.data("page", page).data("status", status).data("message", page.t(messageKey)).render();
        return Response.status(status).type(HTML).entity(html).build();
    }

    public static Response toLogin(String back) {
        String target = "/login";
        if (back != null && !back.equals("/login") && !back.equals("/logout")) {
            target += "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        }
        return Response.seeOther(URI.create(target)).build();
    }
}
