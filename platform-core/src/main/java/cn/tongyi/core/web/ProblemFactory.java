package cn.tongyi.core.web;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jboss.logging.MDC;

/**
 * Builds RFC 9457 problem+json responses: type, title (in the caller's language, Chinese unless they prefer
 * English), status, detail, instance, the request id, the fields at fault, and any extension members.
 */
@ApplicationScoped
public class ProblemFactory {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:tongyi:problem:";

    private static final ResourceBundle ZH = ResourceBundle.getBundle("problems", Locale.ROOT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("problems", Locale.ENGLISH);

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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + slug);
        problem.put("title", title(slug, status, headers));
        problem.put("status", status);
        putIfPresent(problem, "detail", detail);
        putIfPresent(problem, "instance", uri == null ? null : uri.getPath());
        putIfPresent(problem, "requestId", MDC.get(RequestIds.MDC_KEY));
        if (errors != null && !errors.isEmpty()) {
            problem.put("errors", errors);
        }
        extensions.forEach(problem::putIfAbsent);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(problem);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    private static void putIfPresent(Map<String, Object> problem, String member, Object value) {
        if (value != null) {
            problem.put(member, value);
        }
    }

    private static String title(String slug, int status, HttpHeaders headers) {
        ResourceBundle bundle = Language.prefersEnglish(headers) ? EN : ZH;
        try {
            return bundle.getString(slug);
        } catch (MissingResourceException e) {
            return bundle.getString("status." + status);
        }
    }
}
