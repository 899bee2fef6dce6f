package cn.tongyi.core.identity;

import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
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
    @DisplayName("Five wrong passwords in a row lock the login, even for the right password")
    void lockoutAfterRepeatedFailures() {
        Api.OnboardedBranch branch = Api.onboard("lock");
        for (int attempt = 0; attempt < 5; attempt++) {
            refusal(branch.headUsername(), "wrong-" + attempt);
        }
        JsonPath locked = refusal(branch.headUsername(), Api.PASSWORD);
        assertThat(locked.getString("type")).isEqualTo("urn:tongyi:problem:invalid-credentials");
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
        return anonymous().body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .extract().jsonPath();
    }
}
