package cn.tongyi.core.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged platform, {@code java -jar target/quarkus-app/quarkus-run.jar}, launched as a process the way an
 * operator or the Helm Job does. Failsafe runs after {@code package}, and passes the jar's path.
 */
final class PlatformJar {

    private PlatformJar() {
    }

    /**
     * Launches the jar in {@code directory} with the given settings on top of the caller's environment, minus any
     * TONGYI_* setting of the machine running the tests; on a free HTTP port unless the settings name one.
     */
    static ChildProcess launch(Path directory, Map<String, String> settings, String... args) {
        Path jar = Path.of(System.getProperty("tongyi.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged platform at " + jar + ": run through 'mvnw verify'");
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TONGYI_"));
        environment.putAll(settings);
        environment.putIfAbsent("TONGYI_HTTP_PORT", Integer.toString(freePort()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ChildProcess.QUICK_START, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return ChildProcess.start(command, environment, directory);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
