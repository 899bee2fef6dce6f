package cn.tongyi.core.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every response carries, whatever answered it (a resource, a problem, the HTTP layer, /q/*): no content-type
 * sniffing, no referrer, no framing. A response without a Content-Security-Policy of its own gets one: HTML pages
 * (Swagger UI, a later UI that sets none) {@code tongyi.http.csp.html}, anything else, which no browser should
 * render, {@code tongyi.http.csp.default}.
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** Before every filter that may answer on its own. */
    private static final int FIRST = 2000;

    private final String defaultPolicy;
    private final String htmlPolicy;

    SecurityHeaders(@ConfigProperty(name = "tongyi.http.csp.default") String defaultPolicy,
            @ConfigProperty(name = "tongyi.http.csp.html") String htmlPolicy) {
        this.defaultPolicy = defaultPolicy;
        this.htmlPolicy = htmlPolicy;
    }

    void register(@Observes Filters filters) {
        filters.register(this::addWhenHeadersEnd, FIRST);
    }

    private void addWhenHeadersEnd(RoutingContext context) {
        context.addHeadersEndHandler(v -> add(context.response().headers()));
        context.next();
    }

    private void add(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains(CONTENT_SECURITY_POLICY)) {
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            boolean html = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
            headers.set(CONTENT_SECURITY_POLICY, html ? htmlPolicy : defaultPolicy);
        }
    }
}
