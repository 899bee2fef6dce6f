package cn.tongyi.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.HttpMethod;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

    private static final Route ONE = route(HttpMethod.GET, "/merchants/{merchantId}");
    private static final Route TERMINATED = route(HttpMethod.GET, "/merchants/terminated");
    private static final Route LINES = route(HttpMethod.GET, "/reconciliations/{merchantId}/lines.csv");
    private static final Route CREATE = route(HttpMethod.POST, "/merchants");
    private static final List<Route> ROUTES = List.of(ONE, TERMINATED, LINES, CREATE);

    @Test
    @DisplayName("A path matches the route whose literal segments it has, with the parameters named by the template")
    void parameters() {
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.GET, "/merchants/4f1c")).get()
                .satisfies(m -> assertThat(m.route()).isSameAs(ONE))
                .satisfies(m -> assertThat(m.parameters()).isEqualTo(Map.of("merchantId", "4f1c")));
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.GET, "/reconciliations/7/lines.csv")).get()
                .satisfies(m -> assertThat(m.parameters()).isEqualTo(Map.of("merchantId", "7")));
    }

    @Test
    @DisplayName("A literal segment wins over a parameter, whatever order the plugin declared them in")
    void literalBeforeParameter() {
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.GET, "/merchants/terminated")).get()
                .satisfies(m -> assertThat(m.route()).isSameAs(TERMINATED));
    }

    @Test
    @DisplayName("Another method, more or fewer segments, or an empty segment match nothing")
    void noMatch() {
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.DELETE, "/merchants/4f1c")).isEmpty();
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.GET, "/merchants/4f1c/extra")).isEmpty();
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.GET, "/merchants")).isEmpty();
        assertThat(RouteMatcher.match(ROUTES, HttpMethod.GET, "/reconciliations//lines.csv")).isEmpty();
    }

    private static Route route(HttpMethod method, String path) {
        return new Route(method, path, Set.of(BranchRole.BRANCH_HEAD), false, false, path,
                (request, context) -> PluginResponse.noContent());
    }
}
