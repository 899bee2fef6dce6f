package cn.tongyi.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's embedded database after its JVM died without shutting down: each test runs the database in a child
 * JVM ({@link DurableDatabaseRun}), kills it, and starts again on the same data directory.
 */
class CrashRecoveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    /** A test that fails between the kill and the restart would leave the killed run's PostgreSQL running. */
    @AfterEach
    void leaveNoServerBehind() {
        OrphanedPostmaster.clear(dataDir());
    }

    @Test
    @DisplayName("After kill -9 of the JVM, the next start stops the PostgreSQL it left running and finds the data")
    void startsAgainAfterTheJvmWasKilled() throws SQLException {
        long orphan;
        try (ChildProcess run = databaseRun("written before the kill")) {
            run.awaitOutput("READY", TIMEOUT);
            orphan = postmasterPid();
            run.kill(TIMEOUT);
        }
        assertThat(running(orphan)).as("the killed JVM's PostgreSQL outlives it").isTrue();

        EmbeddedDatabase restarted = EmbeddedDatabase.durable(dataDir());
        try {
            assertThat(notes(restarted)).containsExactly("written before the kill");
            assertThat(running(orphan)).as("the orphan was stopped, not left next to the new server").isFalse();
        } finally {
            restarted.stop();
        }
    }

    @Test
    @DisplayName("A data directory a running launcher uses is refused, and its PostgreSQL left alone")
    void refusesADataDirectoryInUse() throws SQLException {
        try (ChildProcess run = databaseRun("in use")) {
            run.awaitOutput("READY", TIMEOUT);
            long postmaster = postmasterPid();

            assertThatThrownBy(() -> EmbeddedDatabase.durable(dataDir()))
                    .hasMessageContaining("is in use by another running Tongyi Time Bank");
            assertThat(running(postmaster)).isTrue();
            assertThat(postmasterPid()).isEqualTo(postmaster);
            run.stop(TIMEOUT);
        }
    }

    @Test
    @DisplayName("After a power loss (every process gone, postmaster.pid left behind), the next start recovers the data")
    void startsAgainAfterAPowerLoss() throws SQLException {
        powerLossAfter("written before the power loss");

        EmbeddedDatabase restarted = EmbeddedDatabase.durable(dataDir());
        try {
            assertThat(notes(restarted)).containsExactly("written before the power loss");
        } finally {
            restarted.stop();
        }
    }

    @Test
    @DisplayName("After a reboot, a postmaster.pid whose PID now belongs to another program does not stop the start, "
            + "and that program is left alone")
    void startsAgainWhenTheOldPidBelongsToAnotherProgram() throws IOException, SQLException {
        powerLossAfter("written before the reboot");
        try (ChildProcess otherProgram = ChildProcess.start(List.of("sleep", "60"), System.getenv(), work)) {
            recordPostmasterPid(otherProgram.pid());

            EmbeddedDatabase restarted = EmbeddedDatabase.durable(dataDir());
            try {
                assertThat(notes(restarted)).containsExactly("written before the reboot");
                assertThat(running(otherProgram.pid())).isTrue();
            } finally {
                restarted.stop();
            }
        }
    }

    private ChildProcess databaseRun(String note) {
        return ChildProcess.start(ChildProcess.java(DurableDatabaseRun.class, dataDir().toString(), note),
                System.getenv(), work);
    }

    /** The JVM, the postmaster and every backend killed at once: what is on disk is all that remains. */
    private void powerLossAfter(String note) {
        try (ChildProcess run = databaseRun(note)) {
            run.awaitOutput("READY", TIMEOUT);
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
            List<ProcessHandle> server = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
            run.kill(TIMEOUT);
            server.forEach(ProcessHandle::destroyForcibly);
            Poll.until(TIMEOUT, () -> server.stream().noneMatch(process -> running(process.pid())),
                    () -> "PostgreSQL processes still running: " + server);
        }
        assertThat(dataDir().resolve("postmaster.pid")).exists();
    }

    private Path dataDir() {
        return work.resolve("pg");
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void recordPostmasterPid(long pid) throws IOException {
        Path pidFile = dataDir().resolve("postmaster.pid");
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        lines.set(0, Long.toString(pid));
        Files.writeString(pidFile, lines.stream().collect(Collectors.joining("\n", "", "\n")));
    }

    /** Alive and not a zombie waiting to be reaped (ProcessHandle counts zombies as alive). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> notes(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM note")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }
}
