package cn.tongyi.core.staff;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StaffTest {

    @Test
    @DisplayName("R-BRANCH-3: the head creates a steward and a finance officer who log in with their branch roles")
    void headCreatesStaff() {
        Api.OnboardedBranch branch = Api.onboard("staff");
        String username = Api.newUsername("steward");
        as(branch.headToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("username", username, "displayName", "李楼长", "password", Api.PASSWORD,
                        "roles", List.of("STEWARD", "FINANCE")))
                .post("/api/branches/" + branch.code() + "/staff")
                .then().statusCode(201)
                .body("username", equalTo(username))
                .body("roles", containsInAnyOrder("STEWARD", "FINANCE"));

        String stewardToken = Api.login(username, Api.PASSWORD);
        as(stewardToken).get("/api/me").then().body("grants." + branch.code(),
                containsInAnyOrder("STEWARD", "FINANCE"));
        as(stewardToken).get("/api/branches/" + branch.code()).then().statusCode(200);
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/staff").then().statusCode(200)
                .body("username", hasItem(username));
    }

    @Test
    @DisplayName("R-BRANCH-3: only the head manages staff; roles change and are taken away; a head keeps their role")
    void managingRoles() {
        Api.OnboardedBranch branch = Api.onboard("roles");
        String steward = Api.staff(branch, "STEWARD");
        Object stewardId = as(steward).get("/api/me").then().extract().path("id");
        Object headId = as(branch.headToken()).get("/api/me").then().extract().path("id");
        String staffPath = "/api/branches/" + branch.code() + "/staff";

        as(steward).get(staffPath).then().statusCode(403).body("type", equalTo("urn:tongyi:problem:role-required"));
        as(steward).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("username", Api.newUsername("x"), "displayName", "x", "password", Api.PASSWORD,
                        "roles", List.of("BRANCH_HEAD")))
                .post(staffPath).then().statusCode(403);

        as(branch.headToken()).body(Map.of("roles", List.of("FINANCE")))
                .put(staffPath + "/" + stewardId + "/roles")
                .then().statusCode(200).body("roles", containsInAnyOrder("FINANCE"));
        as(Api.login(as(steward).get("/api/me").then().extract().path("username"), Api.PASSWORD)).get("/api/me")
                .then().body("grants." + branch.code(), containsInAnyOrder("FINANCE"));

        as(branch.headToken()).body(Map.of("roles", List.of("STEWARD")))
                .put(staffPath + "/" + headId + "/roles")
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:cannot-demote-self"));
        as(branch.headToken()).delete(staffPath + "/" + headId).then().statusCode(409);

        as(branch.headToken()).delete(staffPath + "/" + stewardId).then().statusCode(204);
        as(branch.headToken()).get(staffPath).then().body("personId", not(hasItem(stewardId)));
        as(branch.headToken()).delete(staffPath + "/" + stewardId).then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:staff-not-found"));
    }

    @Test
    @DisplayName("R-BRANCH-3: a head cannot manage a person who is staff only in another branch")
    void cannotReachIntoAnotherBranch() {
        Api.OnboardedBranch mine = Api.onboard("mine");
        Api.OnboardedBranch theirs = Api.onboard("theirs");
        Object theirHeadId = as(theirs.headToken()).get("/api/me").then().extract().path("id");
        as(mine.headToken()).body(Map.of("roles", List.of("STEWARD")))
                .put("/api/branches/" + mine.code() + "/staff/" + theirHeadId + "/roles")
                .then().statusCode(404);
        as(mine.headToken()).delete("/api/branches/" + mine.code() + "/staff/" + theirHeadId)
                .then().statusCode(404);
        as(theirs.headToken()).get("/api/me").then().body("grants." + theirs.code(), hasItem("BRANCH_HEAD"));
    }
}
