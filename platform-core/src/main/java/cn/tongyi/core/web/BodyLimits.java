package cn.tongyi.core.web;

import cn.tongyi.web.ApiProblem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over its limit is refused with a 413 problem: JSON at {@code tongyi.http.max-json-bytes}, anything else at
 * the HTTP limit {@code quarkus.http.limits.max-body-size} (file uploads). A declared Content-Length is judged before
 * a byte is read, ahead of Quarkus's own check, which answers with an empty 413; a body sent without one (chunked) is
 * counted as it is read ({@link BodySizeLimit}). A refused body is left unread, so its connection is closed.
 */
@ApplicationScoped
public class BodyLimits {

    private static final int TOO_LARGE = 413;
    /** Route order -900: after the request id (-1000), before Quarkus's check of the declared length (-2). */
    private static final int BEFORE_QUARKUS_CHECK = 900;
    /** Route order -1: right after Quarkus's check, which leaves a chunked body a limit answered by an empty 413. */
    private static final int AFTER_QUARKUS_CHECK = 1;

    private final long maxJsonBytes;
    private final long maxBodyBytes;
    private final ProblemFactory problems;

    BodyLimits(@ConfigProperty(name = "tongyi.http.max-json-bytes") long maxJsonBytes,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ProblemFactory problems) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::judgeDeclaredLength, BEFORE_QUARKUS_CHECK);
        filters.register(BodyLimits::countInstead, AFTER_QUARKUS_CHECK);
    }

    /** The limit of a body of this media type (a Content-Type header value, possibly null). */
    long limitFor(String mediaType) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.substring(type.indexOf('/') + 1).contains("json") ? maxJsonBytes : maxBodyBytes;
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(TOO_LARGE, "body-too-large", "This body may have at most " + limit + " bytes");
    }

    private void judgeDeclaredLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared != null || chunked) {
            closeWhenRefusedUnread(context);
        }
        long limit = limitFor(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (declared != null && Long.parseLong(declared) > limit) {
            problems.send(tooLarge(limit), context);
            return;
        }
        context.next();
    }

    /** Quarkus would cut a chunked body off with an empty 413; {@link BodySizeLimit} counts it instead. */
    private static void countInstead(RoutingContext context) {
        context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        context.next();
    }

    /**
     * A 413 sent before the body was read to its end: the rest is never read, so the connection cannot carry another
     * request (RFC 9112, 9.6).
     */
    private static void closeWhenRefusedUnread(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            if (refusedUnread(context)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
        });
        context.addBodyEndHandler(v -> {
            if (refusedUnread(context)) {
                context.request().connection().close();
            }
        });
    }

    private static boolean refusedUnread(RoutingContext context) {
        return context.response().getStatusCode() == TOO_LARGE && !context.request().isEnded();
    }
}
