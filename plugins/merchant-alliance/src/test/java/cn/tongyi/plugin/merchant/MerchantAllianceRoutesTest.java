package cn.tongyi.plugin.merchant;

import static cn.tongyi.plugin.api.BranchRole.BRANCH_HEAD;
import static cn.tongyi.plugin.api.BranchRole.FINANCE;
import static cn.tongyi.plugin.api.BranchRole.MEMBER;
import static cn.tongyi.plugin.api.BranchRole.MERCHANT;
import static cn.tongyi.plugin.api.BranchRole.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.plugin.api.Route;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MerchantAllianceRoutesTest {

    /**
     * Method, path, roles, whether members of every branch may call it here, whether it is applied once per key, and
     * whether the plugin's own key (the point code) makes it so.
     */
    @Test
    @DisplayName("R-MERCHANT-1..5: every route with the roles it serves, as the platform dispatches them")
    void routeTable() {
        List<String> routes = new MerchantAllianceRoutes().routes().stream()
                .map(MerchantAllianceRoutesTest::describe)
                .toList();

        assertThat(routes).containsExactly(
                "POST /merchants [BRANCH_HEAD] idempotent",
                "GET /merchants [BRANCH_HEAD, FINANCE, STEWARD]",
                "GET /merchants/{merchantId} [BRANCH_HEAD, FINANCE, MERCHANT, STEWARD]",
                "POST /merchants/{merchantId}/termination [BRANCH_HEAD] idempotent",
                "POST /point-codes [MEMBER] alliance idempotent",
                "GET /point-codes/{code}/qr.png [MEMBER] alliance",
                "POST /redemptions [MERCHANT] idempotent by its code",
                "GET /redemptions [BRANCH_HEAD, FINANCE, MERCHANT]",
                "GET /reconciliations [BRANCH_HEAD, FINANCE]",
                "GET /reconciliations/{merchantId}/lines.csv [BRANCH_HEAD, FINANCE, MERCHANT]",
                "POST /reconciliations/{merchantId}/fee-received [BRANCH_HEAD, FINANCE] idempotent",
                "GET /handbook [BRANCH_HEAD, FINANCE, MEMBER, STEWARD] alliance",
                "GET /handbook.pdf [BRANCH_HEAD, FINANCE, MEMBER, STEWARD] alliance",
                "GET /welcome-pack [MEMBER]");
    }

    @Test
    @DisplayName("R-MERCHANT-2: only a merchant's login redeems, only members get codes, and never staff for them")
    void whoTouchesPoints() {
        List<Route> routes = new MerchantAllianceRoutes().routes();

        assertThat(route(routes, "POST", "/redemptions").roles()).containsOnly(MERCHANT);
        assertThat(route(routes, "POST", "/point-codes").roles()).containsOnly(MEMBER);
        assertThat(route(routes, "GET", "/reconciliations").roles()).doesNotContain(STEWARD, MERCHANT, MEMBER);
        assertThat(route(routes, "POST", "/merchants").roles()).containsOnly(BRANCH_HEAD);
        assertThat(route(routes, "POST", "/reconciliations/{merchantId}/fee-received").roles())
                .containsOnly(BRANCH_HEAD, FINANCE);
    }

    private static Route route(List<Route> routes, String method, String path) {
        return routes.stream()
                .filter(route -> route.method().name().equals(method) && route.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static String describe(Route route) {
        return route.method() + " " + route.path() + " "
                + route.roles().stream().map(Enum::name).sorted().toList()
                + (route.openToAllianceMembers() ? " alliance" : "")
                + (route.idempotent() ? " idempotent" : "") + (route.keyedByPlugin() ? " by its code" : "");
    }
}
