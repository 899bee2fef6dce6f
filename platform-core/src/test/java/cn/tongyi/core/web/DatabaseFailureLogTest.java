package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A database failure is logged by its SQL state, constraint, table and exception classes: never the row. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DatabaseFailureLogTest {

    @Inject
    Database database;

    @Test
    @DisplayName("R-MEMBER-3: a refused member row logs its constraint and table, never the name or birth date")
    void noPrivateDataInTheLog() throws SQLException {
        Api.OnboardedBranch branch = Api.onboard("logs");
        long building = Members.building(branch, "1号楼");
        // a rule the code does not know about, so that the insert itself fails with the row in PostgreSQL's detail
        database.update("ALTER TABLE t_" + branch.code() + ".member ADD CONSTRAINT member_born_from_1950"
                + " CHECK (birth_date >= DATE '1950-01-01')");
        String idNumber = Members.idNumber(LocalDate.of(1949, 12, 31));
        Map<String, Object> member = new HashMap<>(Members.details(building, idNumber, Members.phone()));
        member.put("name", "欧阳秀兰");

        try (LogCapture log = LogCapture.start()) {
            anonymous().body(Map.of("branch", branch.code(), "username", Api.newUsername("logs"),
                            "password", Api.PASSWORD, "member", member))
                    .post("/api/member-registrations")
                    .then().statusCode(500).body("type", equalTo("urn:tongyi:problem:internal-error"));

            assertThat(log.text())
                    .contains("SQL state 23514", "constraint member_born_from_1950", "table t_" + branch.code()
                            + ".member", "org.postgresql.util.PSQLException")
                    .doesNotContain("欧阳秀兰", "1949-12-31", idNumber, "Failing row");
        }
    }
}
