package cn.tongyi.core.bootstrap;

import cn.tongyi.core.identity.AdminBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * With no argument the platform serves HTTP until stopped. {@code migrate} is the one-shot command for a deploy
 * job: migrate the platform schema, upgrade every branch schema, and exit non-zero if anything failed.
 * {@code reset-admin-password} gives the HQ admin a new password ({@code TONGYI_ADMIN_PASSWORD}, or a made-up one
 * shown on the console, not in the log) when it is lost.
 */
public class TongyiApplication implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(TongyiApplication.class);

    @Inject
    SchemaMigrations migrations;

    @Inject
    AdminBootstrap admin;

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && args[0].equals("migrate")) {
            return migrations.migrateEverything() ? 0 : 1;
        }
        if (args.length == 1 && args[0].equals("reset-admin-password")) {
            String password = admin.resetAdminPassword();
            // the console, not the log: log shippers collect the log
            System.out.println("The new password of the HQ admin '" + AdminBootstrap.ADMIN_USERNAME + "': " + password);
            return 0;
        }
        LOG.errorf("Unknown arguments %s. Usage: no argument to serve, 'migrate' or 'reset-admin-password'",
                String.join(" ", args));
        return 2;
    }
}
