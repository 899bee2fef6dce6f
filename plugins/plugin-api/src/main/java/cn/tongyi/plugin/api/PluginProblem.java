package cn.tongyi.plugin.api;

import java.util.Map;

/**
 * A refusal a plugin route answers with: the platform turns it into RFC 9457 problem+json with type
 * {@code urn:tongyi:problem:<pluginId>.<slug>}, the given status and detail, and the extension members.
 */
public class PluginProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final Map<String, Object> extensions;

    public PluginProblem(int status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public PluginProblem(int status, String slug, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("A plugin refuses with a 4xx status; failures are exceptions");
        }
        if (slug == null || !slug.matches("^[a-z][a-z0-9-]{1,60}$")) {
            throw new IllegalArgumentException("A problem slug is lower-case words joined by '-': " + slug);
        }
        this.status = status;
        this.slug = slug;
        this.extensions = Map.copyOf(extensions);
    }

    public static PluginProblem badRequest(String slug, String detail) {
        return new PluginProblem(400, slug, detail);
    }

    public static PluginProblem forbidden(String slug, String detail) {
        return new PluginProblem(403, slug, detail);
    }

    public static PluginProblem notFound(String slug, String detail) {
        return new PluginProblem(404, slug, detail);
    }

    public static PluginProblem conflict(String slug, String detail) {
        return new PluginProblem(409, slug, detail);
    }

    public static PluginProblem unprocessable(String slug, String detail) {
        return new PluginProblem(422, slug, detail);
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
