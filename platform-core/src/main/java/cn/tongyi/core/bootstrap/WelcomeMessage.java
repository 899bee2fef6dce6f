package cn.tongyi.core.bootstrap;

import cn.tongyi.core.identity.AdminBootstrap;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells whoever started the platform where it listens, how to log in and where its data is. */
@ApplicationScoped
public class WelcomeMessage {

    /** Set by the launcher when it runs the embedded PostgreSQL. */
    static final String EMBEDDED_DATA_DIR = "tongyi.embedded-database.data-dir";

    private static final Logger LOG = Logger.getLogger(WelcomeMessage.class);

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = EMBEDDED_DATA_DIR) Optional<String> embeddedDataDir,
            @ConfigProperty(name = "tongyi.data-dir") Path dataDir) {
        String base = "http://localhost:" + port;
        String data = embeddedDataDir
                .map(dir -> "embedded PostgreSQL in " + dir + " (its log: " + EmbeddedDatabase.serverLogOf(Path.of(dir))
                        + ")")
                .orElse("the PostgreSQL of TONGYI_DB_URL");
        LOG.infof("""
                同壹时间银行 Tongyi Time Bank is running at %s
                  API: %s/api, explorer (Swagger UI): %s/q/swagger-ui, OpenAPI document: %s/q/openapi
                  Log in: POST %s/api/auth/login {"username":"admin","password":"…"} with TONGYI_ADMIN_PASSWORD,
                          or the first password in %s (only its owner may read it)
                  Data: %s""",
                base, base, base, base, base, dataDir.toAbsolutePath().resolve(AdminBootstrap.PASSWORD_FILE), data);
    }
}
