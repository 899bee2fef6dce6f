package cn.tongyi.core.tenancy;

import cn.tongyi.tenant.access.SwitchedConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Hibernate's connections for a branch: switched to the branch's schema, as Quarkus does for schema multitenancy, and
 * marked so that {@link SearchPathReset} resets them when they go back to the pool.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class BranchSchemaConnections implements TenantConnectionResolver {

    private final AgroalDataSource dataSource;

    BranchSchemaConnections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ConnectionProvider resolve(String schema) {
        return new QuarkusConnectionProvider(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                SwitchedConnections.switchTo(connection, schema);
                return connection;
            }
        };
    }
}
