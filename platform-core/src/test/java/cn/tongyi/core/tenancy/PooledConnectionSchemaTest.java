package cn.tongyi.core.tenancy;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A pooled connection never carries one branch's schema to its next borrower: plain JDBC (a job, a plugin) that
 * forgets to name a schema finds no branch's tables rather than those of whoever used the connection last.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PooledConnectionSchemaTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    @DisplayName("After a branch's request, no connection the pool hands out resolves unqualified SQL in its schema")
    void connectionsComeBackWithoutTheBranchsSchema() throws SQLException {
        Api.OnboardedBranch branch = Api.onboardActive("pooled");
        as(branch.headToken()).get("/api/branches/" + branch.code()).then().statusCode(200);

        // Holding as many connections as the pool may have at once, every pooled connection is among them.
        int maxSize = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < maxSize; i++) {
                connections.add(dataSource.getConnection());
            }
            for (Connection connection : connections) {
                assertThat(currentSchema(connection)).as("current_schema() of a pooled connection")
                        .doesNotStartWith("t_");
                assertThatThrownBy(() -> count(connection, "SELECT count(*) FROM branch_profile"))
                        .as("an unqualified branch table").isInstanceOf(SQLException.class)
                        .hasMessageContaining("does not exist");
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_schema()")) {
            row.next();
            return String.valueOf(row.getString(1));
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
