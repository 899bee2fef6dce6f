package cn.tongyi.core.support;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

/** HQ offers plugins to a branch and its head switches them on, through the API. */
public final class PluginSwitch {

    private PluginSwitch() {
    }

    public static void enable(Api.OnboardedBranch branch, String pluginId) {
        as(Api.admin()).put("/api/admin/plugins/" + pluginId + "/offers/" + branch.code()).then()
                .statusCode(oneOf(200, 201));
        as(branch.headToken()).body(Map.of("enabled", true))
                .put("/api/branches/" + branch.code() + "/plugins/" + pluginId).then().statusCode(200);
    }

    /** Every plugin the platform runs, switched on in the branch. */
    public static void enableEveryActivePlugin(Api.OnboardedBranch branch) {
        List<String> active = as(Api.admin()).get("/api/admin/plugins").then().statusCode(200)
                .extract().path("findAll { it.state == 'ACTIVE' }.id");
        active.forEach(id -> enable(branch, id));
    }
}
