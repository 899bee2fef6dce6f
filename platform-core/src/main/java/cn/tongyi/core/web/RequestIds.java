package cn.tongyi.core.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every HTTP request carries an id (the caller's X-Request-Id, or a new one) into the logs, the problems and the
 * response, the health and metrics endpoints included.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");
    private static final int BEFORE_EVERYTHING_ELSE = 1000;

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, BEFORE_EVERYTHING_ELSE);
    }

    private static void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
