package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import cn.tongyi.core.bootstrap.SchemaMigrations;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health, metrics, the API document, request ids, schema upgrades. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @Inject
    SchemaMigrations migrations;

    @Test
    @DisplayName("Liveness and readiness report UP with the database check")
    void health() {
        anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    @DisplayName("Prometheus metrics, the OpenAPI document and Swagger UI are served")
    void metricsAndApiDocument() {
        anonymous().get("/api/admin/branches");
        anonymous().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
        anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/admin/branches"))
                .body("paths", hasKey("/api/auth/login"));
        anonymous().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @DisplayName("A caller's X-Request-Id is echoed; otherwise one is made")
    void requestIds() {
        anonymous().header("X-Request-Id", "trace-12345678").get("/q/health/live").then()
                .header("X-Request-Id", "trace-12345678");
        String made = anonymous().get("/api/admin/branches").then().statusCode(401).extract().header("X-Request-Id");
        assertThat(made).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    @DisplayName("HQ upgrades every branch schema through the API and the migrate command's operation")
    void upgradeEveryBranchSchema() {
        Api.OnboardedBranch branch = Api.onboard("upgrade");
        as(admin()).post("/api/admin/tenant-schemas/upgrade").then().statusCode(200)
                .body("failed", equalTo(0))
                .body("results.find { it.branch == '" + branch.code() + "' }.outcome", equalTo("CURRENT"));
        as(branch.headToken()).post("/api/admin/tenant-schemas/upgrade").then().statusCode(403);
        assertThat(migrations.migrateEverything()).isTrue();
    }
}
