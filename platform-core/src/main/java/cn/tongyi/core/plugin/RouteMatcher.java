package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.HttpMethod;
import cn.tongyi.plugin.api.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the route (or page) of a plugin that a path names, with the path's parameters; where several match, the one
 * with the fewest parameters ({@code /merchants/terminated} before {@code /merchants/{merchantId}}). Pure.
 */
final class RouteMatcher {

    record Match<T>(T route, Map<String, String> parameters) {
    }

    private RouteMatcher() {
    }

    static Optional<Match<Route>> match(List<Route> routes, HttpMethod method, String path) {
        return match(routes.stream().filter(r -> r.method() == method).toList(), Route::path, path);
    }

    /** The candidate whose path template (as {@code template} reads it) the path matches best. */
    static <T> Optional<Match<T>> match(List<T> candidates, Function<T, String> template, String path) {
        String[] segments = segments(path);
        Match<T> best = null;
        for (T candidate : candidates) {
            String[] templateSegments = segments(template.apply(candidate));
            if (templateSegments.length != segments.length) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < templateSegments.length && matches; i++) {
                if (templateSegments[i].startsWith("{")) {
                    matches = !segments[i].isEmpty();
                    parameters.put(templateSegments[i].substring(1, templateSegments[i].length() - 1), segments[i]);
                } else {
                    matches = templateSegments[i].equals(segments[i]);
                }
            }
            if (matches && (best == null || parameters.size() < best.parameters().size())) {
                best = new Match<>(candidate, Map.copyOf(parameters));
            }
        }
        return Optional.ofNullable(best);
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
