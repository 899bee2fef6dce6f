package cn.tongyi.plugin.api;

import java.util.Objects;
import java.util.Set;

/**
 * An HTTP route a plugin serves under {@code /api/branches/{branch}/plugins/{pluginId}}: the platform checks the
 * caller's token, their roles in the branch, that the plugin is enabled there, and runs the handler in a transaction;
 * refusals the handler throws as {@link PluginProblem} become problem+json.
 *
 * @param method                the HTTP method
 * @param path                  relative path, {@code /} or segments with {@code {name}} parameters, e.g.
 *                              {@code /merchants/{merchantId}}
 * @param roles                 the branch roles that may call it (at least one)
 * @param openToAllianceMembers whether members of every branch of the alliance may call it here, as MEMBER
 * @param idempotent            whether the write needs an {@code Idempotency-Key} and is answered once per key
 * @param summary               one line for the API document
 * @param handler               what answers it
 * @param keyedByPlugin         (since 1.1) whether the plugin itself answers the same request with the same result,
 *                              by a key of its own (a single-use code, a receipt number): the platform still
 *                              requires the {@code Idempotency-Key} header, but keeps no second record of the call
 */
public record Route(HttpMethod method, String path, Set<BranchRole> roles, boolean openToAllianceMembers,
        boolean idempotent, String summary, RouteHandler handler, boolean keyedByPlugin) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.matches("^/([A-Za-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]*})?(/([A-Za-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]*}))*$")) {
            throw new IllegalArgumentException("A route path is / or segments such as /merchants/{merchantId}: " + path);
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A route names the roles it serves: " + path);
        }
        roles = Set.copyOf(roles);
        if (keyedByPlugin && !idempotent) {
            throw new IllegalArgumentException("Only an idempotent write is keyed by the plugin: " + path);
        }
    }

    /** A route as plugin API 1.0 declared it: the platform keeps the record of idempotent writes. */
    public Route(HttpMethod method, String path, Set<BranchRole> roles, boolean openToAllianceMembers,
            boolean idempotent, String summary, RouteHandler handler) {
        this(method, path, roles, openToAllianceMembers, idempotent, summary, handler, false);
    }

    /** A read for the given roles. */
    public static Route get(String path, Set<BranchRole> roles, String summary, RouteHandler handler) {
        return new Route(HttpMethod.GET, path, roles, false, false, summary, handler);
    }

    /** A write for the given roles, applied once per Idempotency-Key. */
    public static Route post(String path, Set<BranchRole> roles, String summary, RouteHandler handler) {
        return new Route(HttpMethod.POST, path, roles, false, true, summary, handler);
    }

    /**
     * (Since 1.1) A write for the given roles that the plugin makes idempotent by a key of its own: the same request
     * again must get the same answer, anything else a refusal. Use it only where such a key exists (e.g. a single-use
     * code); otherwise {@link #post}.
     */
    public static Route postKeyedByPlugin(String path, Set<BranchRole> roles, String summary, RouteHandler handler) {
        return new Route(HttpMethod.POST, path, roles, false, true, summary, handler, true);
    }

    /** The same route, open to members of every branch of the alliance. */
    public Route forAllianceMembers() {
        return new Route(method, path, roles, true, idempotent, summary, handler, keyedByPlugin);
    }
}
