package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Without a database connection a request is a 503 the client may retry, never a 500. The shared test database is
 * left running: the pool is drained instead, which is what an instance sees when PostgreSQL stops answering.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DatabaseUnavailableTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    @DisplayName("No connection to be had in time: 503 database-unavailable with Retry-After")
    void noConnection() throws SQLException {
        String admin = admin();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < poolSize) {
                held.add(dataSource.getConnection());
            }
            as(admin).get("/api/admin/branches").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:tongyi:problem:database-unavailable"))
                    .body("title", equalTo("数据库暂时无法访问,请稍后重试"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        as(admin).get("/api/admin/branches").then().statusCode(200);
    }
}
