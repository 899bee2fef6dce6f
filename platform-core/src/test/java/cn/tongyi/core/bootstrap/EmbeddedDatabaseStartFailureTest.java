package cn.tongyi.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL's output goes to a file rather than the log, yet a failed start still tells why. */
class EmbeddedDatabaseStartFailureTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("A failed start reports the end of the server log: here initdb refusing a non-empty directory")
    void aFailedStartShowsWhyFromTheServerLog() throws IOException {
        Path dataDir = Files.createDirectories(work.resolve("pg"));
        Files.writeString(dataDir.resolve("notes.txt"), "not a database cluster");

        assertThatThrownBy(() -> EmbeddedDatabase.ephemeral(dataDir))
                .hasMessageContaining("Could not start the embedded PostgreSQL in " + dataDir)
                .hasMessageContaining(work.resolve("pg.log").toString())
                .hasMessageContaining("exists but is not empty");
    }
}
