package cn.tongyi.core.web;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jboss.logging.MDC;

/** Builds problem+json responses, titled in the caller's language (Chinese unless they prefer English). */
@ApplicationScoped
public class ProblemFactory {

    private static final ResourceBundle ZH = ResourceBundle.getBundle("problems", Locale.ROOT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("problems", Locale.ENGLISH);

    public Response response(int status, String slug, String detail, List<ApiProblem.FieldError> errors,
            HttpHeaders headers, UriInfo uri) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title(slug, status, headers), status, detail,
                uri == null ? null : uri.getPath(), requestId == null ? null : requestId.toString(),
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
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
