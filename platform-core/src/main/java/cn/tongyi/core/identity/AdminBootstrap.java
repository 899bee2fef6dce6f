package cn.tongyi.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The first start creates the HQ admin {@code admin}, with {@code TONGYI_ADMIN_PASSWORD} or else a made-up password.
 * A made-up password never goes to the log, where log shippers would collect it: it is written to a file in the data
 * directory that only its owner may read, and the login is asked to choose its own at the first login.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN_USERNAME = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final Optional<String> configuredPassword;
    private final Path dataDir;

    AdminBootstrap(@ConfigProperty(name = "tongyi.admin.initial-password") Optional<String> configuredPassword,
            @ConfigProperty(name = "tongyi.data-dir") Path dataDir) {
        this.configuredPassword = configuredPassword.filter(p -> !p.isBlank());
        this.dataDir = dataDir;
    }

    @Transactional
    public void ensureAdmin() {
        if (Person.byUsername(ADMIN_USERNAME).isPresent()) {
            return;
        }
        String password = configuredPassword.orElseGet(NewPasswords::random);
        Person admin = Person.create(ADMIN_USERNAME, "总联盟管理员", password);
        admin.hqAdmin = true;
        if (configuredPassword.isPresent()) {
            LOG.infof("Created the HQ admin '%s' with the password from TONGYI_ADMIN_PASSWORD", ADMIN_USERNAME);
            return;
        }
        admin.passwordResetBy = "first start";
        Path file = writeOwnerOnly(dataDir.resolve(PASSWORD_FILE), password);
        LOG.infof("Created the HQ admin '%s'; its first password is in %s (readable by its owner only). Log in, "
                + "choose your own password, then delete the file", ADMIN_USERNAME, file);
    }

    /**
     * The operator's way back in when the admin's password is lost: {@code TONGYI_ADMIN_PASSWORD} if set, else a
     * made-up one, returned for the console (never logged); the admin is asked to choose their own at the next login.
     */
    @ActivateRequestContext
    @Transactional
    public String resetAdminPassword() {
        Person admin = Person.byUsername(ADMIN_USERNAME)
                .orElseThrow(() -> new IllegalStateException("There is no HQ admin yet: start or migrate first"));
        String password = configuredPassword.orElseGet(NewPasswords::random);
        admin.setPassword(password, OffsetDateTime.now(), configuredPassword.isPresent() ? null : "operator");
        LOG.infof("The password of the HQ admin '%s' was reset by the operator", ADMIN_USERNAME);
        return password;
    }

    private static Path writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the first admin password to " + file, e);
        }
    }
}
