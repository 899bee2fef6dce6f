package cn.tongyi.core.web;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.Language;
import cn.tongyi.web.ui.PageErrors;
import cn.tongyi.web.ui.PagePaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jboss.logging.MDC;

/**
 * Builds RFC 9457 problem+json responses: type, title (in the caller's language, Chinese unless they prefer
 * English), status, detail, instance, the request id, the fields at fault, and any extension members. JAX-RS answers
 * with them, and so does the HTTP layer where it refuses a request before JAX-RS runs.
 */
@ApplicationScoped
public class ProblemFactory {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:tongyi:problem:";
    /** How long a client should wait before retrying a 503. */
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final ResourceBundle ZH = ResourceBundle.getBundle("problems", Locale.ROOT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("problems", Locale.ENGLISH);

    private final ObjectMapper json;
    private final PageErrors pageErrors;

    ProblemFactory(ObjectMapper json, PageErrors pageErrors) {
        this.json = json;
        this.pageErrors = pageErrors;
    }

    public Response response(int status, String slug, String detail, List<ApiProblem.FieldError> errors,
            HttpHeaders headers, UriInfo uri) {
        return response(status, slug, detail, errors, Map.of(), headers, uri);
    }

    public Response response(ApiProblem problem, HttpHeaders headers, UriInfo uri) {
        return response(problem.status(), problem.slug(), problem.getMessage(), problem.errors(),
                problem.extensions(), headers, uri);
    }

    private Response response(int status, String slug, String detail, List<ApiProblem.FieldError> errors,
            Map<String, Object> extensions, HttpHeaders headers, UriInfo uri) {
        if (uri != null && PagePaths.isPage(uri.getPath())) {
            return pageErrors.forStatus(status, uri.getPath());
        }
        Map<String, Object> problem = problem(status, slug, detail, Language.prefersEnglish(headers),
                uri == null ? null : uri.getPath());
        if (errors != null && !errors.isEmpty()) {
            problem.put("errors", errors);
        }
        extensions.forEach(problem::putIfAbsent);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(problem);
        headers(status, extensions).forEach(response::header);
        return response.build();
    }

    /** Answers with the problem from the HTTP layer, where JAX-RS has not run. */
    void send(ApiProblem problem, RoutingContext context) {
        Map<String, Object> body = problem(problem.status(), problem.slug(), problem.getMessage(),
                prefersEnglish(context), context.request().path());
        HttpServerResponse response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
        headers(problem.status(), problem.extensions()).forEach(response::putHeader);
        try {
            response.end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> problem(int status, String slug, String detail, boolean english, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + slug);
        problem.put("title", title(slug, status, english));
        problem.put("status", status);
        putIfPresent(problem, "detail", detail);
        putIfPresent(problem, "instance", instance);
        putIfPresent(problem, "requestId", MDC.get(RequestIds.MDC_KEY));
        return problem;
    }

    /**
     * Headers a problem carries: how to authenticate, when to retry (a problem that says after how many seconds, in
     * its {@value ApiProblem#RETRY_AFTER} member, gets that Retry-After; any 503 gets one).
     */
    private static Map<String, String> headers(int status, Map<String, Object> extensions) {
        Object retryAfter = extensions.get(ApiProblem.RETRY_AFTER);
        if (retryAfter != null) {
            return Map.of(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return switch (status) {
            case 401 -> Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case 503 -> Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            default -> Map.of();
        };
    }

    /** As {@link Language#prefersEnglish}: Chinese unless the caller's first language is English. */
    private static boolean prefersEnglish(RoutingContext context) {
        return context.acceptableLanguages().stream().findFirst()
                .map(language -> language.tag().toLowerCase(Locale.ROOT).equals("en"))
                .orElse(false);
    }

    private static void putIfPresent(Map<String, Object> problem, String member, Object value) {
        if (value != null) {
            problem.put(member, value);
        }
    }

    private static String title(String slug, int status, boolean english) {
        ResourceBundle bundle = english ? EN : ZH;
        try {
            return bundle.getString(slug);
        } catch (MissingResourceException e) {
            return bundle.getString("status." + status);
        }
    }
}
