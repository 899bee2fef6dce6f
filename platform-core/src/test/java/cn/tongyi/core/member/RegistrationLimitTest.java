package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.anonymous;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Anonymous registrations are limited per client address, so that nobody can sweep ID numbers through them. */
@QuarkusTest
@TestProfile(RegistrationLimitTest.ThreeAnHour.class)
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class RegistrationLimitTest {

    public static class ThreeAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tongyi.registration.limit-per-hour", "3");
        }
    }

    @Test
    @DisplayName("R-MEMBER-1: a client registers at most the configured number of times an hour; others are not held")
    void registrationsAreLimitedPerClient() {
        Api.OnboardedBranch branch = Api.onboard("limited");
        long building = Members.building(branch, "1号楼");
        for (int i = 0; i < 3; i++) {
            register(branch, building, "203.0.113.50").then().statusCode(202);
        }
        register(branch, building, "203.0.113.50").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "3600");
        register(branch, building, "203.0.113.51").then().statusCode(202);
    }

    private static Response register(Api.OnboardedBranch branch, long building, String client) {
        return anonymous().header("X-Forwarded-For", client)
                .body(Map.of("branch", branch.code(), "username", Api.newUsername("u"), "password", Api.PASSWORD,
                        "member", Members.details(building, Members.idNumberOfAge(40), Members.phone())))
                .post("/api/member-registrations");
    }
}
