package cn.tongyi.core.support;

import cn.tongyi.core.bootstrap.EmbeddedDatabase;
import cn.tongyi.core.bootstrap.LocalKeys;
import cn.tongyi.core.privacy.PiiKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' PostgreSQL, first that applies: {@code TONGYI_DB_URL}; a Testcontainers PostgreSQL where a Docker
 * engine answers; else an embedded PostgreSQL in a temporary directory. Never a mock, never H2.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = "admin-test-password";

    private EmbeddedDatabase embedded;
    private PostgreSQLContainer container;

    @Override
    public Map<String, String> start() {
        Path work = temporaryDirectory();
        Map<String, String> config = new HashMap<>();
        String externalUrl = System.getenv("TONGYI_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            config.put("quarkus.datasource.jdbc.url", externalUrl);
            config.put("quarkus.datasource.username", System.getenv().getOrDefault("TONGYI_DB_USER", "postgres"));
            config.put("quarkus.datasource.password", System.getenv().getOrDefault("TONGYI_DB_PASSWORD", ""));
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            config.put("quarkus.datasource.jdbc.url", container.getJdbcUrl());
            config.put("quarkus.datasource.username", container.getUsername());
            config.put("quarkus.datasource.password", container.getPassword());
        } else {
            embedded = EmbeddedDatabase.ephemeral(work.resolve("pg"));
            config.put("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            config.put("quarkus.datasource.username", embedded.user());
            config.put("quarkus.datasource.password", "");
        }
        LocalKeys.JwtKeyFiles keys = LocalKeys.ensureJwtKeys(work.resolve("keys"));
        config.put("mp.jwt.verify.publickey.location", keys.publicKey().toString());
        config.put("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        PiiKeys.KeyFiles piiKeys = PiiKeys.ensure(work.resolve("keys"));
        config.put("tongyi.pii.keyset-file", piiKeys.keyset().toString());
        config.put("tongyi.pii.hash-key-file", piiKeys.hashKey().toString());
        config.put("tongyi.admin.initial-password", ADMIN_PASSWORD);
        // every test registers from 127.0.0.1; RegistrationLimitTest checks the limit with a profile of its own
        config.put("tongyi.registration.limit-per-hour", "1000000");
        // tests play clients at several addresses through X-Forwarded-For, from 127.0.0.1
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.allow-x-forwarded", "true");
        config.put("tongyi.plugins.dir", PluginJars.into(work.resolve("plugins")).toString());
        return config;
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.stop();
        }
        if (container != null) {
            container.stop();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tongyi-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
