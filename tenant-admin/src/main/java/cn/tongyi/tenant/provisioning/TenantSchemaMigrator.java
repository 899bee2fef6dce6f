package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.BranchCode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ThreadLocalScopeManager;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings one branch schema up to date with every contributed changelog, through the Liquibase API. Each branch
 * schema keeps its own changelog tables, so schemas are migrated one at a time and never all at boot.
 */
@ApplicationScoped
public class TenantSchemaMigrator {

    /**
     * No analytics calls, and Liquibase's progress (here) and update summary (set on each update) go to the log, quiet
     * at WARN, instead of standard output.
     */
    private static final Map<String, Object> LIQUIBASE_SETTINGS = Map.of("liquibase.analytics.enabled", false,
            Scope.Attr.ui.name(), new LoggerUIService());

    static {
        // Liquibase keeps its scope in one inheritable slot shared by every thread by default: two branches migrating
        // at once (concurrent onboardings) then see each other's scope, lock and connection.
        Scope.setScopeManager(new ThreadLocalScopeManager());
        ReadOnceValueProviders.install();
    }

    /**
     * Liquibase keeps JVM-wide state beyond its scope (its lock service registry, reset by every update), so two
     * updates at once in one JVM can leave a schema's changelog lock taken: measured with 4 parallel upgrades and 4
     * concurrent onboardings (bench/scale). Updates run one at a time; parallel upgrades still check schemas at once.
     * The connection is taken inside the lock: Liquibase leaves a transaction open on it, and behind PgBouncer in
     * transaction mode migrations waiting for the lock would hold every server connection while the one holding the
     * lock waits for a server connection (PgBouncerIT).
     */
    private static final Object ONE_UPDATE_AT_A_TIME = new Object();

    /** A changelog, known by where it is read from: the plugin's (or the core's) class loader and its path. */
    private record ChangelogSource(ClassLoader classLoader, String path) {
    }

    /**
     * Each changelog parsed once per process, not once per schema: parsing dominated the update of a schema that was
     * already current (bench/scale, JFR), and upgrading thousands of schemas reads the same few changelogs each time.
     */
    private final Map<ChangelogSource, DatabaseChangeLog> parsed = new ConcurrentHashMap<>();

    private final AgroalDataSource dataSource;
    private final List<TenantChangelogContributor> contributors;
    private final Instance<BranchChangelogs> branchChangelogs;

    public TenantSchemaMigrator(AgroalDataSource dataSource, Instance<TenantChangelogContributor> contributors,
            Instance<BranchChangelogs> branchChangelogs) {
        this.dataSource = dataSource;
        this.contributors = contributors.stream().toList();
        this.branchChangelogs = branchChangelogs;
    }

    /** Brings the branch's schema up to date with the domains' changelogs and those of its plugins. */
    public void migrate(BranchCode branch) {
        migrate(branch, changelogsOf(branch));
    }

    /** The domains' changelogs and those of the branch's plugins. */
    List<TenantChangelogContributor> changelogsOf(BranchCode branch) {
        List<TenantChangelogContributor> all = new ArrayList<>(contributors);
        branchChangelogs.forEach(extra -> all.addAll(extra.of(branch)));
        return all;
    }

    /** Runs these changelogs, in their order, in the branch's schema. */
    public void migrate(BranchCode branch, List<TenantChangelogContributor> changelogs) {
        synchronized (ONE_UPDATE_AT_A_TIME) {
            update(branch, changelogs);
        }
    }

    private DatabaseChangeLog parsed(TenantChangelogContributor contributor, ClassLoaderResourceAccessor accessor,
            Database database) {
        return parsed.computeIfAbsent(new ChangelogSource(contributor.classLoader(), contributor.changelogPath()),
                source -> {
                    try {
                        return new Liquibase(source.path(), accessor, database).getDatabaseChangeLog();
                    } catch (LiquibaseException e) {
                        throw new IllegalStateException("Cannot read the changelog " + source.path(), e);
                    }
                });
    }

    private void update(BranchCode branch, List<TenantChangelogContributor> changelogs) {
        String schema = branch.schemaName();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new JdbcConnection(SchemaSelectingConnection.wrap(connection, schema)));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            Scope.child(LIQUIBASE_SETTINGS, () -> {
                for (TenantChangelogContributor contributor : changelogs.stream()
                        .sorted(Comparator.comparingInt(TenantChangelogContributor::order)).toList()) {
                    var accessor = new ClassLoaderResourceAccessor(contributor.classLoader());
                    Liquibase liquibase = new Liquibase(parsed(contributor, accessor, database), accessor, database);
                    liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            });
        } catch (Exception e) {
            throw new SchemaMigrationException(branch, e);
        }
    }
}
