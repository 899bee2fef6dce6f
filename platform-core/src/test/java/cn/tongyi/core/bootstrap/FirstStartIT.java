package cn.tongyi.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees: the packaged jar started as a process on a fresh data directory, its whole output. */
class FirstStartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    @DisplayName("The first start says where the platform, its API and its data are and how to log in; no ERROR, "
            + "no initdb or Liquibase chatter")
    void firstStartTellsWhatANewcomerNeeds() throws IOException {
        int port = PlatformJar.freePort();
        Path dataDir = work.resolve("data");
        String output;
        try (ChildProcess platform = PlatformJar.launch(work,
                Map.of("TONGYI_DATA_DIR", dataDir.toString(), "TONGYI_HTTP_PORT", Integer.toString(port)))) {
            platform.awaitOutput("Listening on", TIMEOUT);
            platform.stop(TIMEOUT);
            output = platform.output();
        }

        String base = "http://localhost:" + port;
        assertThat(output)
                .contains("Tongyi Time Bank is running at " + base)
                .contains(base + "/q/swagger-ui")
                .contains("POST " + base + "/api/auth/login {\"username\":\"admin\"")
                .contains("Data: embedded PostgreSQL in " + dataDir.resolve("pg"))
                .contains("or the first password in " + dataDir.resolve("initial-admin-password"))
                .doesNotContainPattern("\\bERROR\\b")
                .doesNotContain("initdb", "creating subdirectories", "selecting default", "pg_ctl", "postmaster")
                .doesNotContain("Running Changeset", "UPDATE SUMMARY");
        assertThat(output.lines().filter(line -> line.matches("^\\d{4}-\\d\\d-\\d\\d .*")))
                .as("log records of a first start and a stop:\n" + output).hasSizeLessThanOrEqualTo(12);

        Path passwordFile = dataDir.resolve("initial-admin-password");
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(output).as("the first password never goes to the log").doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");

        Path serverLog = dataDir.resolve("pg.log");
        assertThat(Files.readString(serverLog)).as("initdb's and the server's output, kept in a file")
                .contains("Success. You can now start the database server")
                .contains("database system is ready to accept connections")
                .contains("database system is shut down");
        assertThat(dataDir.resolve("pg/postmaster.pid")).as("PostgreSQL stopped with the platform").doesNotExist();
    }
}
