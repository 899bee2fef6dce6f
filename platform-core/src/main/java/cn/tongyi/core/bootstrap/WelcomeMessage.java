package cn.tongyi.core.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells whoever started the platform where it listens and how to log in. */
@ApplicationScoped
public class WelcomeMessage {

    private static final Logger LOG = Logger.getLogger(WelcomeMessage.class);

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        String base = "http://localhost:" + port;
        LOG.infof("""
                同壹时间银行 Tongyi Time Bank is running at %s
                  API explorer (Swagger UI): %s/q/swagger-ui
                  Log in: POST %s/api/auth/login {"username":"admin","password":"…"} with TONGYI_ADMIN_PASSWORD,
                          or the password printed above when this data directory was first used""",
                base, base, base);
    }
}
