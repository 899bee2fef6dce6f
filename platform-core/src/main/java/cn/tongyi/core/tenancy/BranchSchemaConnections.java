package cn.tongyi.core.tenancy;

import cn.tongyi.tenant.access.TransactionSearchPath;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Hibernate's connections for a branch (or {@code platform}): the schema is selected for the current transaction
 * only ({@link TransactionSearchPath}), never with the session-level {@code Connection.setSchema}, so that the
 * platform can sit behind PgBouncer in transaction mode and a pooled connection carries nothing to its next borrower.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class BranchSchemaConnections implements TenantConnectionResolver {

    private final AgroalDataSource dataSource;
    private final TransactionSearchPath searchPath;

    BranchSchemaConnections(AgroalDataSource dataSource, TransactionSearchPath searchPath) {
        this.dataSource = dataSource;
        this.searchPath = searchPath;
    }

    @Override
    public ConnectionProvider resolve(String schema) {
        return new QuarkusConnectionProvider(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try {
                    searchPath.enter(connection, schema);
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
                return connection;
            }
        };
    }
}
