package cn.tongyi.core.identity;

import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoginTest {

    @Test
    @DisplayName("R-BRANCH-3: the token carries the person, the HQ flag and the grants {branch: [roles]}")
    void tokenCarriesGrants() {
        Api.OnboardedBranch branch = Api.onboard("login");
        String token = anonymous().body(Map.of("username", branch.headUsername(), "password", Api.PASSWORD))
                .post("/api/auth/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", greaterThan(0))
                .extract().path("accessToken");

        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.getString("upn")).isEqualTo(branch.headUsername());
        assertThat(claims.getBoolean("hq")).isFalse();
        assertThat(claims.getList("grants." + branch.code())).containsExactly("BRANCH_HEAD");
        assertThat(claims.getString("iss")).isNotBlank();

        as(token).get("/api/me").then().statusCode(200)
                .body("username", equalTo(branch.headUsername()))
                .body("grants." + branch.code(), hasItem("BRANCH_HEAD"));
        as(Api.admin()).get("/api/me").then().statusCode(200).body("hqAdmin", equalTo(true));
    }

    @Test
    @DisplayName("Login refusals look the same for an unknown user and a wrong password")
    void refusalsAreIndistinguishable() {
        Api.OnboardedBranch branch = Api.onboard("refuse");
        JsonPath wrongPassword = refusal(branch.headUsername(), "not-the-password");
        JsonPath unknownUser = refusal(Api.newUsername("ghost"), "not-the-password");

        for (String field : new String[] {"type", "title", "status", "detail"}) {
            assertThat(wrongPassword.getString(field)).isEqualTo(unknownUser.getString(field));
        }
        assertThat(wrongPassword.getString("type")).isEqualTo("urn:tongyi:problem:invalid-credentials");
    }

    @Test
    @DisplayName("Repeated wrong passwords slow down the client that sends them, more each time, and never lock the "
            + "login's owner out from their own device")
    void failuresSlowTheClientNotTheLogin() {
        Api.OnboardedBranch branch = Api.onboard("throttle");
        String attacker = "203.0.113.7";
        String owner = "198.51.100.20";
        for (int attempt = 0; attempt < 4; attempt++) {
            refusal(branch.headUsername(), "wrong-" + attempt, attacker);
        }
        loginFrom(attacker, branch.headUsername(), Api.PASSWORD).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:tongyi:problem:login-throttled"));
        loginFrom(owner, branch.headUsername(), Api.PASSWORD).then().statusCode(200);

        MovableClock.installShiftedBy(Duration.ofSeconds(2));
        refusal(branch.headUsername(), "wrong-again", attacker);
        loginFrom(attacker, branch.headUsername(), Api.PASSWORD).then().statusCode(429).header("Retry-After", "2");
        MovableClock.installShiftedBy(Duration.ofSeconds(5));
        loginFrom(attacker, branch.headUsername(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    @DisplayName("Every login changes its own password with the current one; HQ resets a branch login's password to a "
            + "made-up one that its owner is asked to replace; nobody resets an HQ login that way")
    void passwordChangesAndResets() {
        Api.OnboardedBranch branch = Api.onboard("password");
        String steward = Api.staff(branch, "STEWARD");
        String username = as(steward).get("/api/me").then().extract().path("username");
        as(steward).body(Map.of("currentPassword", "not-it", "newPassword", "a-new-long-secret"))
                .post("/api/me/password").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:wrong-password"));
        as(steward).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "short"))
                .post("/api/me/password").then().statusCode(400);
        as(steward).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "a-new-long-secret"))
                .post("/api/me/password").then().statusCode(204);
        anonymous().body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/auth/login").then()
                .statusCode(401);
        Api.login(username, "a-new-long-secret");

        String id = as(Api.admin()).queryParam("username", username).get("/api/admin/logins").then().statusCode(200)
                .body("[0].username", equalTo(username)).extract().path("[0].id");
        String temporary = as(Api.admin()).post("/api/admin/logins/" + id + "/password-reset").then().statusCode(200)
                .extract().path("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        anonymous().body(Map.of("username", username, "password", temporary)).post("/api/auth/login").then()
                .statusCode(200).body("passwordChangeRequired", equalTo(true));
        as(branch.headToken()).post("/api/admin/logins/" + id + "/password-reset").then().statusCode(403);

        String adminId = as(Api.admin()).get("/api/me").then().extract().path("id");
        as(Api.admin()).post("/api/admin/logins/" + adminId + "/password-reset").then().statusCode(403)
                .body("type", equalTo("urn:tongyi:problem:hq-login"));
        anonymous().body(Map.of("username", "admin", "password", TestDatabase.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).body("passwordChangeRequired", equalTo(false));
    }

    @Test
    @DisplayName("A forged or garbled token is refused with 401 problem+json, even right after the genuine one "
            + "it was made from was accepted (verified tokens are remembered by their whole text)")
    void badTokensAreRefused() {
        Api.OnboardedBranch branch = Api.onboard("forge");
        as(branch.headToken()).get("/api/branches/" + branch.code()).then().statusCode(200);
        as("not.a.token").get("/api/branches/" + branch.code()).then().statusCode(401)
                .contentType("application/problem+json");
        String[] parts = branch.headToken().split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"1\",\"hq\":true,\"groups\":[\"HQ_ADMIN\"]}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        as(tampered).get("/api/admin/branches").then().statusCode(401);
        as(tampered).get("/api/branches/" + branch.code()).then().statusCode(401);
        String resigned = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        as(resigned).get("/api/branches/" + branch.code()).then().statusCode(401);
    }

    private static JsonPath refusal(String username, String password) {
        return refusal(username, password, "192.0.2.1");
    }

    private static JsonPath refusal(String username, String password, String client) {
        return loginFrom(client, username, password)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .extract().jsonPath();
    }

    /** Tests reach the platform through 127.0.0.1, a trusted proxy: it takes the client from X-Forwarded-For. */
    private static Response loginFrom(String client, String username, String password) {
        return anonymous().header("X-Forwarded-For", client).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
