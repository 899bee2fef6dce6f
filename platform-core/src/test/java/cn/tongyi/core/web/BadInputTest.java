package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json with a stable type: never a 500, never a half-written record. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    Database database;

    @Test
    @DisplayName("Malformed JSON is a 400 malformed-json, and nothing is written")
    void malformedJson() {
        String code = Api.newCode("malformed");
        as(admin()).body("{\"code\":\"" + code + "\", \"name\": ").post("/api/admin/branches")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:malformed-json"))
                .body("status", equalTo(400))
                .body("requestId", notNullValue());
        assertThat(database.schemaExists("t_" + code)).isFalse();
    }

    @Test
    @DisplayName("A field of the wrong type is a 400 invalid-field naming the field")
    void wrongTypes() {
        as(admin()).body(Map.of("code", Api.newCode("types"), "name", "n", "address", "a", "head", "not an object"))
                .post("/api/admin/branches")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:invalid-field"))
                .body("errors.field", hasItem("head"));
        as(admin()).body("[1, 2, 3]").post("/api/admin/branches")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    @DisplayName("Missing and invalid fields are a 400 invalid-request listing every field at fault")
    void missingFields() {
        as(admin()).body(Map.of("code", Api.newCode("missing"), "head", Map.of("username", "x")))
                .post("/api/admin/branches")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:invalid-request"))
                .body("errors.field", hasItems("name", "address", "head.username", "head.password",
                        "head.displayName"));
        as(admin()).post("/api/admin/branches")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"));
    }

    @Test
    @DisplayName("A body over the JSON limit is a 413 problem, refused before it is read")
    void tooLargeBody() {
        String huge = "x".repeat(300_000);
        as(admin()).body(Map.of("code", Api.newCode("large"), "name", huge, "address", "a"))
                .post("/api/admin/branches")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:body-too-large"));
    }

    @Test
    @DisplayName("Unknown paths, wrong methods and wrong media types are problems too")
    void httpLevelErrors() {
        anonymous().get("/api/no/such/thing").then().statusCode(404).contentType(PROBLEM_JSON);
        as(admin()).delete("/api/admin/branches").then().statusCode(405).contentType(PROBLEM_JSON);
        as(admin()).contentType("text/plain").body("hello").post("/api/admin/branches")
                .then().statusCode(415).contentType(PROBLEM_JSON);
    }

    @Test
    @DisplayName("Titles speak Chinese first and English on request")
    void localizedTitles() {
        as(admin()).get("/api/admin/branches/no_such").then().statusCode(404).body("title", equalTo("分会不存在"));
        as(admin()).header("Accept-Language", "en-US,en;q=0.9").get("/api/admin/branches/no_such")
                .then().statusCode(404).body("title", equalTo("No such branch"));
    }

    @Test
    @DisplayName("R-BRANCH-3: a staff request with a role the head may not grant writes no login at all")
    void noHalfWrittenStaff() {
        Api.OnboardedBranch branch = Api.onboard("half");
        String username = Api.newUsername("half");
        as(branch.headToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("username", username, "displayName", "x", "password", Api.PASSWORD,
                        "roles", List.of("STEWARD", "HQ_ADMIN")))
                .post("/api/branches/" + branch.code() + "/staff")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tongyi:problem:role-not-grantable"));
        as(branch.headToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("username", username, "displayName", "x", "password", Api.PASSWORD,
                        "roles", List.of("NOT_A_ROLE")))
                .post("/api/branches/" + branch.code() + "/staff")
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:invalid-field"));
        assertThat(database.count("SELECT count(*) FROM platform.person WHERE username = ?", username)).isZero();
    }
}
