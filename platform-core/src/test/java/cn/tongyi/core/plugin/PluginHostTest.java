package cn.tongyi.core.plugin;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The plugin host through HTTP, with the test plugins of {@link PluginJars}: what HQ sees of installed plugins, how a
 * branch head switches one on, and that a plugin's routes answer only where it is on, through the same access rules,
 * transactions and problems as the core's.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PluginHostTest {

    private static final String TROUBLE = PluginJars.TROUBLE;

    @Test
    @DisplayName("HQ lists every plugin found: active ones, one built for a newer plugin API refused, one whose start "
            + "failed, each with the reason, while the platform serves")
    void installedPlugins() {
        as(Api.admin()).get("/api/admin/plugins").then().statusCode(200)
                .body("find { it.id == 'trouble' }.state", equalTo("ACTIVE"))
                .body("find { it.id == 'trouble' }.requires", equalTo(">=1.0.0 & <2.0.0"))
                .body("find { it.id == 'trouble' }.platformApiVersion", equalTo("1.2.0"))
                .body("find { it.id == 'future' }.state", equalTo("REFUSED"))
                .body("find { it.id == 'future' }.reason", containsString(">=2.0.0"))
                .body("find { it.id == 'broken' }.state", equalTo("FAILED"))
                .body("find { it.id == 'broken' }.reason", containsString("the broken plugin cannot start"));
        Api.OnboardedBranch branch = Api.onboardActive("plugrefused");
        as(Api.admin()).put("/api/admin/plugins/future/offers/" + branch.code()).then().statusCode(409)
                .body("type", endsWith("plugin-not-active"));
        as(branch.headToken()).get("/api/admin/plugins").then().statusCode(403);
    }

    @Test
    @DisplayName("A branch head switches on a plugin HQ offered, with validated settings; every change is recorded "
            + "with who, when, before and after")
    void enableWithSettings() {
        Api.OnboardedBranch branch = Api.onboardActive("plugon");
        String plugins = "/api/branches/" + branch.code() + "/plugins";
        as(branch.headToken()).get(plugins).then().statusCode(200).body("$", empty());
        as(branch.headToken()).body(Map.of("enabled", true)).put(plugins + "/" + TROUBLE).then().statusCode(404)
                .body("type", endsWith("plugin-not-found"));

        as(Api.admin()).put("/api/admin/plugins/trouble/offers/" + branch.code()).then().statusCode(201);
        as(Api.admin()).put("/api/admin/plugins/trouble/offers/" + branch.code()).then().statusCode(200);
        as(branch.headToken()).get(plugins).then().statusCode(200)
                .body("[0].id", equalTo(TROUBLE)).body("[0].enabled", equalTo(false));

        as(branch.headToken()).body(Map.of("enabled", true, "settings", Map.of("patience", "500", "colour", "red")))
                .put(plugins + "/" + TROUBLE).then().statusCode(400)
                .body("type", endsWith("invalid-settings"))
                .body("errors.field", hasItem("settings.patience"))
                .body("errors.field", hasItem("settings.colour"));
        as(branch.headToken()).get(plugins + "/" + TROUBLE).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("settings.find { it.name == 'patience' }.value", equalTo("30"));
        String steward = Api.staff(branch, "STEWARD");
        as(steward).body(Map.of("enabled", true)).put(plugins + "/" + TROUBLE).then().statusCode(403);

        as(branch.headToken()).body(Map.of("enabled", true, "settings", Map.of("motto", "邻里守望")))
                .put(plugins + "/" + TROUBLE).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("settings.find { it.name == 'motto' }.value", equalTo("邻里守望"))
                .body("settings.find { it.name == 'motto' }.labelZh", equalTo("口号"));
        note(branch, "开通后的第一条").then().statusCode(201);

        as(branch.headToken()).get("/api/branches/" + branch.code() + "/plugin-changes/" + TROUBLE).then().statusCode(200)
                .body("action", equalTo(List.of("SETTINGS", "ENABLED", "OFFERED")))
                .body("[0].before", equalTo(Map.of()))
                .body("[0].after.motto", equalTo("邻里守望"))
                .body("[1].changedBy", equalTo(branch.headUsername()))
                .body("[2].changedBy", equalTo("admin"));
        as(Api.admin()).get("/api/admin/plugins/trouble").then().statusCode(200)
                .body("offeredTo", hasItem(branch.code())).body("enabledIn", hasItem(branch.code()));
    }

    @Test
    @DisplayName("A plugin's routes answer 404 in a branch where it is off, and its data waits there until it is "
            + "switched on again")
    void routesOnlyWhereEnabled() {
        Api.OnboardedBranch on = enabledIn("plugyes");
        Api.OnboardedBranch off = Api.onboardActive("plugno");
        as(Api.admin()).put("/api/admin/plugins/trouble/offers/" + off.code()).then().statusCode(201);
        note(on, "留言").then().statusCode(201);

        as(off.headToken()).get(notes(off)).then().statusCode(404).body("type", endsWith("plugin-not-found"));
        as(off.headToken()).get(notes(on)).then().statusCode(404).body("type", endsWith("branch-not-found"));
        as(on.headToken()).get("/api/branches/" + on.code() + "/plugins/nosuch/notes").then().statusCode(404);
        as(on.headToken()).get("/api/branches/" + on.code() + "/plugins/trouble/nosuch").then().statusCode(404)
                .body("type", endsWith("plugin-route-not-found"));

        switchTo(on, false);
        as(on.headToken()).get(notes(on)).then().statusCode(404);
        switchTo(on, true);
        as(on.headToken()).get(notes(on)).then().statusCode(200).body("text", equalTo(List.of("留言")));
    }

    @Test
    @DisplayName("One branch's plugin data is invisible from another branch where the plugin is on too, even by id")
    void pluginDataStaysInItsBranch() {
        Api.OnboardedBranch a = enabledIn("pluga");
        Api.OnboardedBranch b = enabledIn("plugb");
        String noteOfA = note(a, "甲分会的留言").then().statusCode(201).extract().path("id");

        as(b.headToken()).get(notes(b)).then().statusCode(200).body("$", empty());
        as(b.headToken()).get(notes(b) + "/" + noteOfA).then().statusCode(404)
                .body("type", endsWith("trouble.note-not-found"));
        as(a.headToken()).get(notes(a) + "/" + noteOfA).then().statusCode(200).body("text", equalTo("甲分会的留言"));
    }

    @Test
    @DisplayName("A plugin that throws answers a 500 problem naming it, its work rolled back, and the platform and "
            + "the plugin keep serving")
    void throwingRoute() {
        Api.OnboardedBranch branch = enabledIn("plugboom");
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/plugins/trouble/boom").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", endsWith("plugin-failed"))
                .body("plugin", equalTo(TROUBLE))
                .body("detail", not(containsString("own bug")));
        as(branch.headToken()).get(notes(branch)).then().statusCode(200).body("text", not(hasItem("half")));
        as(branch.headToken()).get("/api/me").then().statusCode(200);
    }

    @Test
    @DisplayName("A plugin's refusal is a 4xx problem typed with the plugin's id; its writes apply once per "
            + "Idempotency-Key")
    void refusalsAndIdempotency() {
        Api.OnboardedBranch branch = enabledIn("plugonce");
        as(branch.headToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("text", " "))
                .post(notes(branch)).then().statusCode(400).body("type", endsWith("trouble.note-required"));
        as(branch.headToken()).body(Map.of("text", "无键")).post(notes(branch)).then().statusCode(400);

        String key = UUID.randomUUID().toString();
        String first = as(branch.headToken()).header("Idempotency-Key", key).body(Map.of("text", "一次"))
                .post(notes(branch)).then().statusCode(201).extract().path("id");
        as(branch.headToken()).header("Idempotency-Key", key).body(Map.of("text", "一次"))
                .post(notes(branch)).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(branch.headToken()).get(notes(branch)).then().body("$", hasSize(1));
    }

    @Test
    @DisplayName("A member of another branch reaches only the routes a plugin opens to alliance members, as MEMBER")
    void allianceMembers() {
        Api.OnboardedBranch here = enabledIn("plughere");
        Api.OnboardedBranch home = Api.onboardActive("plughome");
        Members.Registered visitor = Members.registerOnline(home, Members.building(home, "1号楼"));

        as(visitor.token()).get("/api/branches/" + here.code() + "/plugins/trouble/hello").then().statusCode(200)
                .body("branch", equalTo(here.code())).body("allianceMember", equalTo(true));
        as(visitor.token()).get(notes(here)).then().statusCode(404);
    }

    @Test
    @DisplayName("A slow plugin takes at most its share of the workers: calls beyond it are refused with 429 and "
            + "Retry-After, and the platform answers meanwhile")
    void slowPluginHoldsOnlyItsShare() throws Exception {
        Api.OnboardedBranch branch = enabledIn("plugslow");
        String slow = "/api/branches/" + branch.code() + "/plugins/trouble/slow?millis=6000";
        int callers = PluginDispatchResource.CONCURRENT_CALLS + 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> as(branch.headToken()).get(slow)));
            }
            Thread.sleep(1_000);
            long started = System.nanoTime();
            as(branch.headToken()).get("/api/me").then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            List<Response> answers = new ArrayList<>();
            for (Future<Response> call : calls) {
                answers.add(call.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn(r -> r.statusCode() == 200)
                    .hasSize(PluginDispatchResource.CONCURRENT_CALLS);
            assertThat(answers).filteredOn(r -> r.statusCode() == 429).hasSize(4)
                    .allSatisfy(r -> assertThat(r.header("Retry-After")).isEqualTo("1"));
        } finally {
            pool.shutdownNow();
        }
    }

    static Api.OnboardedBranch enabledIn(String prefix) {
        Api.OnboardedBranch branch = Api.onboardActive(prefix);
        as(Api.admin()).put("/api/admin/plugins/trouble/offers/" + branch.code()).then().statusCode(201);
        switchTo(branch, true);
        return branch;
    }

    static void switchTo(Api.OnboardedBranch branch, boolean enabled) {
        as(branch.headToken()).body(Map.of("enabled", enabled))
                .put("/api/branches/" + branch.code() + "/plugins/trouble").then().statusCode(200)
                .body("enabled", equalTo(enabled));
    }

    static void setFailEvents(Api.OnboardedBranch branch, boolean fail) {
        as(branch.headToken()).body(Map.of("enabled", true, "settings", Map.of("failEvents", Boolean.toString(fail))))
                .put("/api/branches/" + branch.code() + "/plugins/trouble").then().statusCode(200);
    }

    static String notes(Api.OnboardedBranch branch) {
        return "/api/branches/" + branch.code() + "/plugins/trouble/notes";
    }

    static Response note(Api.OnboardedBranch branch, String text) {
        return idempotent(branch.headToken()).body(Map.of("text", text)).post(notes(branch));
    }
}
