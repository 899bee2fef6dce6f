package cn.tongyi.tenant.provisioning;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    BranchProvisioner(AgroalDataSource dataSource, TenantSchemaMigrator migrator, BranchRegistration registration,
            BranchHeadAccounts headAccounts) {
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.registration = registration;
        this.headAccounts = headAccounts;
    }

    public Branch onboard(NewBranch request, String actor) {
        BranchCode code = new BranchCode(request.code());
        if (Branch.byCode(code.value()).isPresent()) {
            throw duplicate(code);
        }
        headAccounts.requireUsernameFree(request.head().username());
        createSchema(code);
        try {
            migrator.migrate(code);
            Branch branch = registration.register(code, request, actor);
            LOG.infof("Branch %s onboarded by %s", code, actor);
            return branch;
        } catch (RuntimeException e) {
            dropSchema(code);
            throw e;
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
