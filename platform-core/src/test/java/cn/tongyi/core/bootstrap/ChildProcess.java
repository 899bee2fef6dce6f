package cn.tongyi.core.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts, with its standard output and error captured in one file. Closing it stops it if the test
 * left it running (SIGTERM, so that it stops its PostgreSQL too; SIGKILL if that does not end it), so that no test
 * leaves a process behind.
 */
final class ChildProcess implements AutoCloseable {

    /** A test's short-lived JVMs start markedly faster without the optimising JIT compiler, on a busy machine most. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private final Process process;
    private final Path output;

    private ChildProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code command} in {@code directory} with exactly {@code environment}. */
    static ChildProcess start(List<String> command, Map<String, String> environment, Path directory) {
        try {
            Path output = Files.createTempFile(directory, "output-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new ChildProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM running this test, as a command line: the same java with the same class path. */
    static List<String> java(Class<?> mainClass, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), QUICK_START,
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitOutput(String text, Duration timeout) {
        Poll.until(timeout, () -> output().contains(text) || !process.isAlive(),
                () -> "no '" + text + "' in the output of " + process.info().commandLine().orElse("?"));
        if (!output().contains(text)) {
            throw new AssertionError("the process exited (" + process.exitValue() + ") before writing '" + text
                    + "':\n" + output());
        }
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as a user's Ctrl+C or a container stop, then waits for the exit. */
    int stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** SIGKILL: no shutdown hook runs, as after kill -9 or a crash of the JVM. */
    void kill(Duration timeout) {
        process.destroyForcibly();
        awaitExit(timeout);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
