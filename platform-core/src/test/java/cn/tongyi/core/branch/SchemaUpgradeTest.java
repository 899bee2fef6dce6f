package cn.tongyi.core.branch;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Upgrading every branch schema (the {@code migrate} command's second half, ADR 16): a schema behind gets its missing
 * change set, a current one is skipped, a failing one is reported and recorded without stopping the others, and HQ
 * sees every branch's version and can re-run one.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class SchemaUpgradeTest {

    private static final String CHANGE_SET = "0102-dividends-immutable";

    @Inject
    Database database;

    @Test
    @DisplayName("An upgrade brings a schema that misses a change set up to date, skips current ones, and reports and "
            + "records a failing schema without blocking the others; HQ re-runs it once fixed")
    void upgradesEachSchemaOnItsOwn() throws SQLException {
        Api.OnboardedBranch behind = Api.onboard("behind");
        Api.OnboardedBranch broken = Api.onboard("broken");
        JsonPath onboarded = as(admin()).get("/api/admin/tenant-schemas").then().statusCode(200).extract().jsonPath();
        int changeSets = onboarded.getInt("find { it.branch == '" + behind.code() + "' }.changeSets");
        assertThat(changeSets).isPositive();
        assertThat(onboarded.getString("find { it.branch == '" + behind.code() + "' }.status")).isEqualTo("UPGRADED");

        // One schema lacks the last change set as if a release had just added it; the other lost its record of it
        // while keeping its triggers, so running it again fails ("already exists").
        dropTriggers(behind.code());
        forgetChangeSet(behind.code());
        forgetChangeSet(broken.code());

        JsonPath report = as(admin()).post("/api/admin/tenant-schemas/upgrade").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getString(outcome(behind))).isEqualTo("UPGRADED");
        assertThat(report.getString(outcome(broken))).isEqualTo("FAILED");
        assertThat(report.getInt("failed")).isEqualTo(1);
        assertThat(report.getList("results.findAll { it.outcome == 'CURRENT' }")).hasSize(report.getInt("branches") - 2);
        assertThat(database.count("SELECT count(*) FROM pg_trigger WHERE tgname = 'dividend_share_guard' "
                + "AND tgrelid = 't_" + behind.code() + ".dividend_share'::regclass")).isOne();

        as(admin()).get("/api/admin/tenant-schemas").then().statusCode(200)
                .body("find { it.branch == '" + broken.code() + "' }.status", equalTo("FAILED"))
                .body("find { it.branch == '" + broken.code() + "' }.error", containsString("already exists"))
                .body("find { it.branch == '" + behind.code() + "' }.status", equalTo("UPGRADED"))
                .body("find { it.branch == '" + behind.code() + "' }.changeSets", equalTo(changeSets));

        dropTriggers(broken.code());
        as(admin()).post("/api/admin/tenant-schemas/" + broken.code() + "/upgrade").then().statusCode(200)
                .body("status", equalTo("UPGRADED")).body("changeSets", equalTo(changeSets))
                .body("error", nullValue());

        JsonPath again = as(admin()).post("/api/admin/tenant-schemas/upgrade").then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getString(outcome(behind))).isEqualTo("CURRENT");
        assertThat(again.getString(outcome(broken))).isEqualTo("CURRENT");
    }

    @Test
    @DisplayName("Only HQ sees and re-runs schema upgrades; an unknown branch is 404")
    void onlyHq() {
        Api.OnboardedBranch branch = Api.onboard("schemas");
        as(branch.headToken()).get("/api/admin/tenant-schemas").then().statusCode(403);
        as(branch.headToken()).post("/api/admin/tenant-schemas/" + branch.code() + "/upgrade").then().statusCode(403);
        as(admin()).post("/api/admin/tenant-schemas/no_such_branch/upgrade").then().statusCode(404)
                .body("type", containsString("branch-not-found"));
    }

    private static String outcome(Api.OnboardedBranch branch) {
        return "results.find { it.branch == '" + branch.code() + "' }.outcome";
    }

    private void dropTriggers(String code) throws SQLException {
        database.update("DROP TRIGGER dividend_share_guard ON t_" + code + ".dividend_share");
        database.update("DROP TRIGGER dividend_choice_guard ON t_" + code + ".dividend_choice");
    }

    private void forgetChangeSet(String code) throws SQLException {
        database.update("DELETE FROM t_" + code + ".databasechangelog WHERE id = ?", CHANGE_SET);
    }
}
