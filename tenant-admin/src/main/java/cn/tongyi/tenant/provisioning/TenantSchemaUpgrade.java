package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Upgrades every registered branch schema to the current changelogs (ADR 16): a few schemas at a time, each under its
 * own Liquibase lock (the schema's {@code databasechangeloglock}), a schema that already holds every change set
 * skipped after one query, and a failed schema recorded and reported without stopping the others. A run that stopped
 * half-way resumes by itself: the schemas it finished are current and skipped, a schema it left half-done continues
 * at its first missing change set.
 */
@ApplicationScoped
public class TenantSchemaUpgrade {

    private static final Logger LOG = Logger.getLogger(TenantSchemaUpgrade.class);

    public enum Outcome {
        UPGRADED, CURRENT, FAILED
    }

    public record Result(String branch, Outcome outcome, String error) {
    }

    public record Report(int branches, int failed, List<Result> results) {
        public boolean succeeded() {
            return failed == 0;
        }
    }

    private final TenantSchemaMigrator migrator;
    private final BranchSchemaVersions versions;
    private final BusinessClock clock;
    private final int parallelism;
    private final ExpectedChangeSets expected = new ExpectedChangeSets();

    /** At most one schema per pooled connection: a worker holds one for its whole Liquibase run. */
    TenantSchemaUpgrade(TenantSchemaMigrator migrator, BranchSchemaVersions versions, BusinessClock clock,
            AgroalDataSource dataSource,
            @ConfigProperty(name = "tongyi.migrate.parallelism", defaultValue = "4") int parallelism) {
        this.migrator = migrator;
        this.versions = versions;
        this.clock = clock;
        int connections = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        this.parallelism = Math.max(1, Math.min(parallelism, connections));
    }

    public Report upgradeAll() {
        List<String> codes = Branch.<Branch>listAll().stream().map(b -> b.code).sorted().toList();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, codes.size())));
        List<Result> results = new ArrayList<>();
        try {
            List<Future<Result>> pending = codes.stream()
                    .map(code -> workers.submit(() -> upgrade(new BranchCode(code)))).toList();
            for (Future<Result> result : pending) {
                results.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while upgrading branch schemas", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Upgrade of branch schemas failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        results.sort(Comparator.comparing(Result::branch));
        int failed = (int) results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        int current = (int) results.stream().filter(r -> r.outcome() == Outcome.CURRENT).count();
        LOG.infof("Upgraded %d branch schemas, %d failed (%d already current)", codes.size() - failed, failed,
                current);
        results.stream().filter(r -> r.outcome() == Outcome.FAILED)
                .forEach(r -> LOG.errorf("Branch schema of %s failed to upgrade: %s", r.branch(), r.error()));
        return new Report(codes.size(), failed, results);
    }

    /** Brings one branch's schema up to date, unless it already is; records the outcome for HQ. */
    public Result upgrade(BranchCode branch) {
        Set<String> wanted = Set.of();
        Set<String> applied = Set.of();
        try {
            wanted = expected.of(migrator.changelogsOf(branch));
            applied = versions.applied(branch);
            if (applied.containsAll(wanted)) {
                versions.recordUpgraded(branch, clock.now());
                return new Result(branch.value(), Outcome.CURRENT, null);
            }
            migrator.migrate(branch);
            versions.recordUpgraded(branch, clock.now());
            return new Result(branch.value(), Outcome.UPGRADED, null);
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Upgrade of branch schema %s failed", branch);
            String error = rootMessage(e);
            try {
                versions.recordFailed(branch, applied, error, clock.now());
            } catch (RuntimeException recordFailure) {
                LOG.errorf(recordFailure, "Could not record the failed upgrade of %s", branch);
            }
            return new Result(branch.value(), Outcome.FAILED, error);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
    }
}
