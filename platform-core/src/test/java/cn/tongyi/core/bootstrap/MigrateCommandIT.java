package cn.tongyi.core.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.Api;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot {@code migrate} command as the Helm pre-install/pre-upgrade Job runs it: the packaged jar as a process,
 * its exit status, and what it left in a real PostgreSQL.
 */
class MigrateCommandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ADMIN_PASSWORD = "migrate-it-admin";

    @TempDir
    Path work;

    private EmbeddedDatabase database;

    @BeforeEach
    void startDatabase() {
        database = EmbeddedDatabase.ephemeral(work.resolve("pg"));
    }

    @AfterEach
    void stopDatabase() {
        database.stop();
    }

    @Test
    @DisplayName("On a fresh database, migrate (as the Helm Job runs it) creates the platform schema and the HQ admin, "
            + "and exits 0")
    void migratesAFreshDatabase() throws SQLException {
        try (ChildProcess migrate = platform(Map.of("TONGYI_MIGRATE_AT_START", "false"), "migrate")) {
            assertThat(migrate.awaitExit(TIMEOUT)).as(migrate.output()).isZero();
        }
        assertThat(tables("platform")).contains("branch", "person", "role_grant");
        assertThat(count("SELECT count(*) FROM platform.person WHERE username = 'admin' AND hq_admin")).isOne();
    }

    @Test
    @DisplayName("On a database with branches, migrate brings every branch schema up to date and exits 0")
    void upgradesTheBranchSchemas() throws SQLException {
        int port = PlatformJar.freePort();
        try (ChildProcess server = platform(Map.of("TONGYI_HTTP_PORT", Integer.toString(port)))) {
            server.awaitOutput("Listening on", TIMEOUT);
            onboard("http://localhost:" + port, "north");
            server.stop(TIMEOUT);
        }
        List<String> onboarded = tables("t_north");
        assertThat(onboarded).contains("databasechangelog");

        // A branch schema none of whose changelogs have run yet stands for one behind a new release.
        execute("DROP SCHEMA t_north CASCADE", "CREATE SCHEMA t_north");
        try (ChildProcess migrate = platform(Map.of("TONGYI_MIGRATE_AT_START", "false"), "migrate")) {
            assertThat(migrate.awaitExit(TIMEOUT)).as(migrate.output()).isZero();
            assertThat(migrate.output()).contains("Upgraded 1 branch schemas, 0 failed");
        }
        assertThat(tables("t_north")).containsExactlyInAnyOrderElementsOf(onboarded);
        assertThat(count("SELECT count(*) FROM platform.person WHERE username = 'admin'")).isOne();
    }

    @Test
    @DisplayName("reset-admin-password gives the HQ admin a made-up password on the console, never in the log, to be "
            + "replaced at the next login")
    void resetsTheAdminPassword() throws SQLException {
        try (ChildProcess migrate = platform(Map.of("TONGYI_MIGRATE_AT_START", "false"), "migrate")) {
            assertThat(migrate.awaitExit(TIMEOUT)).as(migrate.output()).isZero();
        }
        Map<String, String> noConfiguredPassword = new HashMap<>(Map.of("TONGYI_ADMIN_PASSWORD", ""));
        String output;
        try (ChildProcess reset = platform(noConfiguredPassword, "reset-admin-password")) {
            assertThat(reset.awaitExit(TIMEOUT)).as(reset.output()).isZero();
            output = reset.output();
        }
        String line = output.lines().filter(l -> l.startsWith("The new password of the HQ admin 'admin': "))
                .findFirst().orElseThrow(() -> new AssertionError("no password on the console:\n" + output));
        String password = line.substring(line.lastIndexOf(' ') + 1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(ADMIN_PASSWORD);
        assertThat(output.lines().filter(l -> l.contains(password))).as("only the console line shows it").hasSize(1);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet admin = statement.executeQuery(
                        "SELECT password_hash, password_reset_by FROM platform.person WHERE username = 'admin'")) {
            admin.next();
            assertThat(BcryptUtil.matches(password, admin.getString(1))).isTrue();
            assertThat(admin.getString(2)).isEqualTo("operator");
        }
    }

    private ChildProcess platform(Map<String, String> settings, String... args) {
        Map<String, String> all = new HashMap<>(Map.of(
                "TONGYI_DB_URL", database.jdbcUrl(),
                "TONGYI_DB_USER", database.user(),
                "TONGYI_DATA_DIR", work.resolve("data").toString(),
                "TONGYI_ADMIN_PASSWORD", ADMIN_PASSWORD));
        all.putAll(settings);
        return PlatformJar.launch(work, all, args);
    }

    private static void onboard(String baseUri, String code) {
        String token = given().baseUri(baseUri).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
        given().baseUri(baseUri).contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Api.branchRequest(code, code + "-head"))
                .post("/api/admin/branches").then().statusCode(201);
    }

    private List<String> tables(String schema) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            return tables;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
    }
}
