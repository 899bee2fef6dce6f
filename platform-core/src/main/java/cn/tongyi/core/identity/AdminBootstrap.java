package cn.tongyi.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The first start creates the HQ admin {@code admin}, with {@code TONGYI_ADMIN_PASSWORD} or else a random password
 * printed once to the log.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN_USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final Optional<String> configuredPassword;

    AdminBootstrap(@ConfigProperty(name = "tongyi.admin.initial-password") Optional<String> configuredPassword) {
        this.configuredPassword = configuredPassword.filter(p -> !p.isBlank());
    }

    @Transactional
    public void ensureAdmin() {
        if (Person.byUsername(ADMIN_USERNAME).isPresent()) {
            return;
        }
        String password = configuredPassword.orElseGet(AdminBootstrap::randomPassword);
        Person admin = Person.create(ADMIN_USERNAME, "总联盟管理员", password);
        admin.hqAdmin = true;
        if (configuredPassword.isPresent()) {
            LOG.infof("Created the HQ admin '%s' with the password from TONGYI_ADMIN_PASSWORD", ADMIN_USERNAME);
        } else {
            LOG.warnf("Created the HQ admin '%s' with the password %s (shown only this once: keep it safe)",
                    ADMIN_USERNAME, password);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
