package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.HttpMethod;
import cn.tongyi.plugin.api.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route of a plugin that a method and a path name, with the path's parameters; where several match, the one
 * with the fewest parameters ({@code /merchants/terminated} before {@code /merchants/{merchantId}}). Pure.
 */
final class RouteMatcher {

    record Match(Route route, Map<String, String> parameters) {
    }

    private RouteMatcher() {
    }

    static Optional<Match> match(List<Route> routes, HttpMethod method, String path) {
        String[] segments = segments(path);
        Match best = null;
        for (Route route : routes) {
            if (route.method() != method) {
                continue;
            }
            String[] template = segments(route.path());
            if (template.length != segments.length) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{")) {
                    matches = !segments[i].isEmpty();
                    parameters.put(template[i].substring(1, template[i].length() - 1), segments[i]);
                } else {
                    matches = template[i].equals(segments[i]);
                }
            }
            if (matches && (best == null || parameters.size() < best.parameters().size())) {
                best = new Match(route, Map.copyOf(parameters));
            }
        }
        return Optional.ofNullable(best);
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
