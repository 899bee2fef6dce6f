package cn.tongyi.core.bootstrap;

import cn.tongyi.core.identity.AdminBootstrap;
import cn.tongyi.tenant.provisioning.TenantSchemaUpgrade;
import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The shared {@code platform} schema is migrated at start (on a laptop) or by the one-shot {@code migrate} command
 * (in Kubernetes, where pods start with {@code TONGYI_MIGRATE_AT_START=false}). Branch schemas are migrated at
 * onboarding and by {@link #migrateEverything()}, never all at boot.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    /** Liquibase's progress and summary go to its logger (quiet at WARN) instead of standard output. */
    private static final Map<String, Object> QUIET_LIQUIBASE = Map.of(Scope.Attr.ui.name(), new LoggerUIService());

    private final LiquibaseFactory liquibaseFactory;
    private final TenantSchemaUpgrade tenantUpgrade;
    private final AdminBootstrap adminBootstrap;
    private final boolean migrateAtStart;

    SchemaMigrations(LiquibaseFactory liquibaseFactory, TenantSchemaUpgrade tenantUpgrade,
            AdminBootstrap adminBootstrap, @ConfigProperty(name = "tongyi.migrate-at-start") boolean migrateAtStart) {
        this.liquibaseFactory = liquibaseFactory;
        this.tenantUpgrade = tenantUpgrade;
        this.adminBootstrap = adminBootstrap;
        this.migrateAtStart = migrateAtStart;
    }

    void onStart(@Observes StartupEvent event) {
        if (migrateAtStart) {
            migratePlatform();
        }
    }

    /**
     * Hibernate's tenant resolver is request-scoped, and the {@code migrate} command runs outside any request: without
     * a request context of its own, the first entity query (the HQ admin, the branch list) finds no tenant.
     */
    @ActivateRequestContext
    public boolean migrateEverything() {
        migratePlatform();
        TenantSchemaUpgrade.Report report = tenantUpgrade.upgradeAll();
        return report.succeeded();
    }

    private void migratePlatform() {
        try (Liquibase liquibase = liquibaseFactory.createLiquibase()) {
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            Scope.child(QUIET_LIQUIBASE, () -> liquibase.update(liquibaseFactory.createContexts(),
                    liquibaseFactory.createLabels()));
        } catch (Exception e) {
            throw new IllegalStateException("Migration of the platform schema failed", e);
        }
        LOG.info("Platform schema is up to date");
        adminBootstrap.ensureAdmin();
    }
}
