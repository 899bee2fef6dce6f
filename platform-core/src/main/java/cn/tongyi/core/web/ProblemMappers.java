package cn.tongyi.core.web;

import cn.tongyi.web.ApiProblem;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json with a stable type; bad input is a 4xx, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemFactory problems;

    ProblemMappers(ProblemFactory problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, HttpHeaders headers, UriInfo uri) {
        return problems.response(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        return problems.response(400, "invalid-request", "Some fields are missing or invalid", errors,
                headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(400, "malformed-json", "The body is not well-formed JSON", null, headers, uri);
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response wrongJsonShape(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = field.isEmpty() ? "The body has the wrong shape" : "Wrong type or value";
        return problems.response(400, "invalid-field", message,
                List.of(new ApiProblem.FieldError(field.isEmpty() ? "body" : field, message)), headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(401, "unauthenticated", "Log in and send a valid access token as a Bearer token",
                null, headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(403, "forbidden", "Your roles do not allow this", null, headers, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, headers, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongJsonShape(mapping, headers, uri);
        }
        int status = e.getResponse().getStatus();
        String slug = Response.Status.fromStatusCode(status) == null ? "http-" + status
                : Response.Status.fromStatusCode(status).name().toLowerCase().replace('_', '-');
        return problems.response(status, slug, e.getMessage(), null, headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        Optional<SqlFailure> database = SqlFailure.in(e);
        if (database.isPresent()) {
            return databaseFailure(database.get(), headers, uri);
        }
        LOG.error("Unexpected failure", e);
        return internalError(headers, uri);
    }

    /** Logged without PostgreSQL's messages, which may quote the row ({@link SqlFailure}). */
    private Response databaseFailure(SqlFailure failure, HttpHeaders headers, UriInfo uri) {
        if (failure.isUniqueViolation()) {
            ApiProblem conflict = failure.constraint().flatMap(UniqueConstraints::problemFor).orElseGet(() -> {
                LOG.warnf("A unique violation without a problem of its own: %s", failure);
                return ApiProblem.conflict("conflict", "This conflicts with a record that already exists");
            });
            return problems.response(conflict, headers, uri);
        }
        if (failure.isDatabaseUnavailable()) {
            LOG.warnf("Database unavailable: %s", failure);
            return problems.response(503, "database-unavailable",
                    "The database cannot be reached for now; retry in a few seconds", null, headers, uri);
        }
        LOG.errorf(failure.withoutMessages(), "Unexpected database failure: %s", failure);
        return internalError(headers, uri);
    }

    private Response internalError(HttpHeaders headers, UriInfo uri) {
        return problems.response(500, "internal-error", "Something went wrong on our side; quote the request id",
                null, headers, uri);
    }

    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        String property = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .filter(name -> name != null && !name.startsWith("<"))
                .collect(Collectors.joining("."));
        return property.isEmpty() ? "body" : property;
    }
}
