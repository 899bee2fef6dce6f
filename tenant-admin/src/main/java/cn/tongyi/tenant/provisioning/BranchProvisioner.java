package cn.tongyi.tenant.provisioning;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Onboards a branch as a saga: create its schema, run every contributed changelog, then register it in one
 * transaction. Liquibase commits as it goes, so a failure after the schema exists is undone by dropping the
 * schema: a failed onboarding leaves no schema, no registry row and no login behind.
 */
@ApplicationScoped
public class BranchProvisioner {

    private static final Logger LOG = Logger.getLogger(BranchProvisioner.class);
    private static final String DUPLICATE_SCHEMA = "42P06";

    private final AgroalDataSource dataSource;
    private final TenantSchemaMigrator migrator;
    private final BranchRegistration registration;
    private final BranchHeadAccounts headAccounts;
    private final BranchSchemaVersions versions;

    BranchProvisioner(AgroalDataSource dataSource, TenantSchemaMigrator migrator, BranchRegistration registration,
            BranchHeadAccounts headAccounts, BranchSchemaVersions versions) {
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.registration = registration;
        this.headAccounts = headAccounts;
        this.versions = versions;
    }

    public Branch onboard(NewBranch request, String actor) {
        BranchCode code = new BranchCode(request.code());
        if (Branch.byCode(code.value()).isPresent()) {
            throw duplicate(code);
        }
        headAccounts.requireUsernameFree(request.head().username());
        CompletableFuture<String> headPasswordHash = CompletableFuture.supplyAsync(
                () -> headAccounts.hashPassword(request.head()));
        createSchema(code);
        Branch branch;
        try {
            migrator.migrate(code);
            branch = registration.register(code, request, headPasswordHash.join(), actor);
        } catch (RuntimeException e) {
            dropSchema(code);
            throw e;
        }
        LOG.infof("Branch %s onboarded by %s", code, actor);
        recordVersion(branch);
        return branch;
    }

    /** HQ's view of schema versions only; the next upgrade records it if this fails. */
    private void recordVersion(Branch branch) {
        try {
            versions.recordUpgraded(new BranchCode(branch.code), branch.createdAt);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the schema version of branch %s", branch.code);
        }
    }

    private void createSchema(BranchCode code) {
        execute("CREATE SCHEMA " + code.schemaName(), code);
    }

    private void dropSchema(BranchCode code) {
        try {
            execute("DROP SCHEMA IF EXISTS " + code.schemaName() + " CASCADE", code);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not drop schema %s after a failed onboarding", code.schemaName());
        }
    }

    private void execute(String ddl, BranchCode code) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            if (DUPLICATE_SCHEMA.equals(e.getSQLState())) {
                throw duplicate(code);
            }
            throw new IllegalStateException("Could not run DDL for branch " + code, e);
        }
    }

    private static ApiProblem duplicate(BranchCode code) {
        return ApiProblem.conflict("branch-exists", "A branch with code " + code + " already exists");
    }
}
