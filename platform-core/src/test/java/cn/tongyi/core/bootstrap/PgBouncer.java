package cn.tongyi.core.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's PgBouncer in front of a test database, in transaction pooling mode with a server pool of the given size.
 * Missing PgBouncer fails the test (CI installs it: {@code .ci/run}). Under root it runs in a user namespace
 * ({@code unshare -U}), since PgBouncer refuses to run as root. Version 1.18 has no protocol-level prepared statements:
 * the platform's URL carries {@code prepareThreshold=0}, as docs/operations.md tells operators.
 */
final class PgBouncer implements AutoCloseable {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

    private final ChildProcess process;
    private final int port;

    private PgBouncer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static PgBouncer inFrontOf(EmbeddedDatabase database, int serverPoolSize, Path directory) {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "pgbouncer is not installed (apt-get install -y pgbouncer); looked at " + BINARIES));
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        int port = PlatformJar.freePort();
        try {
            Files.createDirectories(directory);
            Path users = Files.writeString(directory.resolve("users.txt"), "\"" + database.user() + "\" \"\"\n");
            Path config = Files.writeString(directory.resolve("pgbouncer.ini"), """
                    [databases]
                    * = host=127.0.0.1 port=%d
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    pool_mode = transaction
                    default_pool_size = %d
                    min_pool_size = 0
                    reserve_pool_size = 0
                    max_client_conn = 500
                    ignore_startup_parameters = extra_float_digits
                    """.formatted(server.getPort(), port, users, serverPoolSize));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(binary.toString(), config.toString()));
            ChildProcess process = ChildProcess.start(command, Map.of(), directory);
            process.awaitOutput("process up", Duration.ofSeconds(30));
            return new PgBouncer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform's URL: through PgBouncer, without named prepared statements. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?prepareThreshold=0";
    }

    String log() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
