package cn.tongyi.core.branch;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Onboarding is all or nothing: see {@link FailingTenantChangelog} for the injected failure. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class FailedOnboardingTest {

    @Inject
    Database database;

    @Test
    @DisplayName("R-BRANCH-1: a migration failure during onboarding leaves no schema, no registry row, no login")
    void failedMigrationLeavesNothingBehind() {
        String code = Api.newCode(FailingTenantChangelog.FAILING_PREFIX);
        String head = Api.newUsername("head");

        as(admin()).body(Api.branchRequest(code, head)).post("/api/admin/branches")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tongyi:problem:internal-error"));

        assertThat(database.schemaExists("t_" + code)).isFalse();
        assertThat(database.count("SELECT count(*) FROM platform.branch WHERE code = ?", code)).isZero();
        assertThat(database.count("SELECT count(*) FROM platform.person WHERE username = ?", head)).isZero();
        assertThat(database.count("SELECT count(*) FROM platform.branch_setup_item WHERE branch_code = ?", code))
                .isZero();
    }

    @Test
    @DisplayName("R-BRANCH-1: a taken head username is refused with 409 before any schema is created")
    void takenUsernameLeavesNothingBehind() {
        Api.OnboardedBranch existing = Api.onboard("first");
        String code = Api.newCode("second");

        as(admin()).body(Api.branchRequest(code, existing.headUsername().toUpperCase()))
                .post("/api/admin/branches")
                .then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:username-taken"));

        assertThat(database.schemaExists("t_" + code)).isFalse();
        assertThat(database.count("SELECT count(*) FROM platform.branch WHERE code = ?", code)).isZero();
    }
}
