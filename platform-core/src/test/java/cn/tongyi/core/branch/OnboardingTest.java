package cn.tongyi.core.branch;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class OnboardingTest {

    @Inject
    Database database;

    @Test
    @DisplayName("R-BRANCH-1: HQ onboards a branch: schema migrated, registry row PREPARING, head can log in")
    void onboardsBranchAsIsolatedTenant() {
        String code = Api.newCode("onb");
        String head = Api.newUsername("head");

        as(admin()).body(Api.branchRequest(code, head))
                .post("/api/admin/branches")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/admin/branches/" + code))
                .body("code", equalTo(code))
                .body("status", equalTo("PREPARING"))
                .body("setup.total", equalTo(7))
                .body("setup.done", equalTo(0));

        assertThat(database.schemaExists("t_" + code)).isTrue();
        assertThat(database.count("SELECT count(*) FROM t_" + code + ".branch_profile")).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM t_" + code + ".databasechangelog")).isPositive();

        String headToken = Api.login(head, Api.PASSWORD);
        as(headToken).get("/api/branches/" + code)
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("status", equalTo("PREPARING"))
                .body("myRoles", hasItem("BRANCH_HEAD"));
        as(admin()).get("/api/admin/branches").then().statusCode(200).body("code", hasItem(code));
        as(admin()).get("/api/admin/branches/" + code).then().statusCode(200).body("name", equalTo("测试分会 " + code));
    }

    @Test
    @DisplayName("R-BRANCH-1: duplicate code 409, invalid code 400, unknown branch 404, only HQ may onboard")
    void refusesBadOnboardings() {
        Api.OnboardedBranch existing = Api.onboard("dup");
        as(admin()).body(Api.branchRequest(existing.code(), Api.newUsername("other")))
                .post("/api/admin/branches")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tongyi:problem:branch-exists"));

        for (String bad : new String[] {"Upper", "1starts_with_digit", "a", "has-dash", "x".repeat(32), "t; drop"}) {
            as(admin()).body(Api.branchRequest(bad, Api.newUsername("h")))
                    .post("/api/admin/branches")
                    .then().statusCode(400)
                    .body("type", equalTo("urn:tongyi:problem:invalid-request"))
                    .body("errors.field", hasItem("code"));
        }
        as(admin()).get("/api/admin/branches/no_such_branch").then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:branch-not-found"));
        as(existing.headToken()).body(Api.branchRequest(Api.newCode("nothq"), Api.newUsername("h")))
                .post("/api/admin/branches")
                .then().statusCode(403);
        anonymous().get("/api/admin/branches").then().statusCode(401);
    }

    @Test
    @DisplayName("R-BRANCH-1: status moves PREPARING → ACTIVE → SUSPENDED → ACTIVE and nowhere else")
    void statusLifecycle() {
        Api.OnboardedBranch branch = Api.onboard("life");
        String statusPath = "/api/admin/branches/" + branch.code() + "/status";

        as(admin()).body(Map.of("status", "SUSPENDED")).post(statusPath).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:invalid-status-transition"));
        as(admin()).body(Map.of("status", "ACTIVE")).post(statusPath).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(admin()).body(Map.of("status", "PREPARING")).post(statusPath).then().statusCode(409);
        as(admin()).body(Map.of("status", "SUSPENDED", "reason", "audit")).post(statusPath).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        as(admin()).body(Map.of("status", "ACTIVE")).post(statusPath).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(admin()).body(Map.of("status", "CLOSED")).post(statusPath).then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-field"));
        as(admin()).body(Map.of("status", "ACTIVE")).post("/api/admin/branches/no_such/status").then().statusCode(404);

        assertThat(database.count("SELECT count(*) FROM platform.branch_status_change WHERE branch_code = ?",
                branch.code())).isEqualTo(4);
    }

    @Test
    @DisplayName("R-BRANCH-2: the branch head ticks the set-up checklist, HQ reads the progress")
    void setupChecklist() {
        Api.OnboardedBranch branch = Api.onboard("setup");
        String checklist = "/api/branches/" + branch.code() + "/setup-checklist";

        as(branch.headToken()).get(checklist).then().statusCode(200)
                .body("items", hasSize(7))
                .body("items.find { it.item == 'SITE' }.title", equalTo("场地"));
        as(branch.headToken()).header("Accept-Language", "en").get(checklist).then().statusCode(200)
                .body("items.find { it.item == 'SITE' }.title", equalTo("Site"));

        as(branch.headToken()).body(Map.of("done", true, "note", "35㎡, 租约已签"))
                .put(checklist + "/SITE")
                .then().statusCode(200)
                .body("done", equalTo(true))
                .body("updatedBy", equalTo(branch.headUsername()));
        as(branch.headToken()).body(Map.of("done", true)).put(checklist + "/BANK_ACCOUNT").then().statusCode(200);
        as(branch.headToken()).body(Map.of("done", true)).put(checklist + "/NO_SUCH_ITEM").then().statusCode(404);

        as(admin()).get("/api/admin/branches/" + branch.code() + "/setup-checklist").then().statusCode(200)
                .body("progress.done", equalTo(2))
                .body("progress.overdue", equalTo(false))
                .body("items.find { it.item == 'SITE' }.note", equalTo("35㎡, 租约已签"));
        as(admin()).get("/api/admin/branches/" + branch.code()).then().body("setup.done", equalTo(2));

        String steward = Api.staff(branch, "STEWARD");
        as(steward).get(checklist).then().statusCode(200);
        as(steward).body(Map.of("done", true)).put(checklist + "/MERCHANTS").then().statusCode(403)
                .body("type", equalTo("urn:tongyi:problem:role-required"));
    }

    @Test
    @DisplayName("R-BRANCH-3: the branch head edits the branch profile; other staff only read it")
    void branchProfile() {
        Api.OnboardedBranch branch = Api.onboard("prof");
        as(branch.headToken())
                .body(Map.of("phone", "010-8888 6666", "openingHours", "周一至周六 9:00–18:00", "introduction", "欢迎"))
                .put("/api/branches/" + branch.code() + "/profile")
                .then().statusCode(200)
                .body("profile.phone", equalTo("010-8888 6666"));
        String finance = Api.staff(branch, "FINANCE");
        as(finance).get("/api/branches/" + branch.code()).then().statusCode(200)
                .body("profile.openingHours", equalTo("周一至周六 9:00–18:00"))
                .body("myRoles", hasItem("FINANCE"));
        as(finance).body(Map.of("phone", "1")).put("/api/branches/" + branch.code() + "/profile")
                .then().statusCode(403);
        as(branch.headToken()).body(Map.of("phone", "call me")).put("/api/branches/" + branch.code() + "/profile")
                .then().statusCode(400).body("errors.field", hasItem("phone"));
    }
}
