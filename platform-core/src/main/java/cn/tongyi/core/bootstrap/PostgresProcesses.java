package cn.tongyi.core.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL's processes as Linux's {@code /proc} shows them (the embedded binaries exist for Linux only). A process
 * serves a data directory when it runs the {@code postgres} executable and works in that directory: the postmaster and
 * every backend change into their data directory at start. A process that is gone, a zombie, or someone else's
 * program never qualifies, whatever its PID.
 */
final class PostgresProcesses {

    private PostgresProcesses() {
    }

    static boolean serves(long pid, Path dataDir) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            return Files.readSymbolicLink(process.resolve("exe")).getFileName().toString().equals("postgres")
                    && Files.isSameFile(process.resolve("cwd"), dataDir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static boolean anyServes(Path dataDir) {
        return ProcessHandle.allProcesses().anyMatch(process -> serves(process.pid(), dataDir));
    }
}
