package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every response forbids sniffing, referrers and framing, whatever answered it. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class SecurityHeadersTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    @DisplayName("API answers, problems and /q/* carry the headers and the restrictive policy")
    void everyKindOfResponse() {
        assertHeaders(as(admin()).get("/api/admin/branches").then().statusCode(200), API_POLICY);
        assertHeaders(anonymous().get("/api/admin/branches").then().statusCode(401), API_POLICY);
        assertHeaders(anonymous().get("/nope").then().statusCode(404), API_POLICY);
        assertHeaders(anonymous().get("/q/health/ready").then().statusCode(200), API_POLICY);
        assertHeaders(anonymous().get("/q/metrics").then().statusCode(200), API_POLICY);

        RawHttp.Reply refused = RawHttp.declaring("POST", "/api/member-registrations", "application/json", 1 << 30);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.header("Content-Security-Policy")).isEqualTo(API_POLICY);
    }

    @Test
    @DisplayName("Swagger UI is served with a policy that only forbids framing; a page's own policy is kept")
    void htmlPages() {
        assertHeaders(anonymous().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger-ui")), "frame-ancestors 'none'");
        assertHeaders(anonymous().get("/test/own-policy").then().statusCode(200), OwnPolicyPage.POLICY);
    }

    private static void assertHeaders(ValidatableResponse response, String policy) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", policy);
    }
}
