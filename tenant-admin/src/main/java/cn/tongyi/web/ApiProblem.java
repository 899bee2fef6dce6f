package cn.tongyi.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A refusal the API reports as RFC 9457 problem+json. The {@code slug} is the stable, machine-readable part of
 * the problem type ({@code urn:tongyi:problem:<slug>}); its title is looked up per language. Problems about input
 * name the fields at fault; others may carry extension members (e.g. the balance that did not cover a payment).
 */
public class ApiProblem extends RuntimeException {

    /** A field of the request and what is wrong with it; for uploaded files, also the line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer line, String field, String message) {
        public FieldError(String field, String message) {
            this(null, field, message);
        }
    }

    private final int status;
    private final String slug;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String slug, String detail) {
        this(status, slug, detail, List.of(), Map.of());
    }

    public ApiProblem(int status, String slug, String detail, List<FieldError> errors) {
        this(status, slug, detail, errors, Map.of());
    }

    public ApiProblem(int status, String slug, String detail, Map<String, Object> extensions) {
        this(status, slug, detail, List.of(), extensions);
    }

    private ApiProblem(int status, String slug, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(400, slug, detail);
    }

    /** A 400 about one field of the request. */
    public static ApiProblem invalidField(String slug, String field, String detail) {
        return new ApiProblem(400, slug, detail, List.of(new FieldError(field, detail)));
    }

    public static ApiProblem forbidden(String slug, String detail) {
        return new ApiProblem(403, slug, detail);
    }

    public static ApiProblem notFound(String slug, String detail) {
        return new ApiProblem(404, slug, detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(409, slug, detail);
    }

    public static ApiProblem unprocessable(String slug, String detail) {
        return new ApiProblem(422, slug, detail);
    }

    /** The extension member saying after how many seconds to try again; the response's Retry-After says it too. */
    public static final String RETRY_AFTER = "retryAfter";

    /** A 429: the caller should try again after this many seconds. */
    public static ApiProblem tooManyRequests(String slug, String detail, long retryAfterSeconds) {
        return new ApiProblem(429, slug, detail, Map.of(RETRY_AFTER, retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Members added to the problem object beside the standard ones. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
