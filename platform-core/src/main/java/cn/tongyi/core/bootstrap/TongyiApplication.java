package cn.tongyi.core.bootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * With no argument the platform serves HTTP until stopped. {@code migrate} is the one-shot command for a deploy
 * job: migrate the platform schema, upgrade every branch schema, and exit non-zero if anything failed.
 */
public class TongyiApplication implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(TongyiApplication.class);

    @Inject
    SchemaMigrations migrations;

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && args[0].equals("migrate")) {
            return migrations.migrateEverything() ? 0 : 1;
        }
        LOG.errorf("Unknown arguments %s. Usage: no argument to serve, or 'migrate'", String.join(" ", args));
        return 2;
    }
}
