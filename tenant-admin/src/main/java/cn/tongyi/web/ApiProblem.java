package cn.tongyi.web;

import java.util.Map;

/**
 * A refusal the API reports as RFC 9457 problem+json. The {@code slug} is the stable, machine-readable part of
 * the problem type ({@code urn:tongyi:problem:<slug>}); its title is looked up per language.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public ApiProblem(int status, String slug, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.extensions = extensions;
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(400, slug, detail);
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

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
