package cn.tongyi.core.tenancy;

import cn.tongyi.tenant.access.SwitchedConnections;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Every connection goes back to the pool with the database's default search_path. Hibernate's schema multitenancy
 * switches a connection to the branch's schema when it takes it ({@code Connection.setSchema}, a session setting),
 * the tenant migrator does the same, and Agroal undoes none of it: the next borrower, plain JDBC in a job or a plugin,
 * would otherwise run its unqualified SQL in whichever branch used the connection last. Only the connections that
 * were switched ({@link SwitchedConnections}) are reset, so a transaction that never switched (the ledger's plain
 * JDBC) costs no round trip.
 */
@ApplicationScoped
public class SearchPathReset implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(SearchPathReset.class);

    /** Called once per transaction, after commit or rollback; outside one, when the borrower closes it. */
    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (!SwitchedConnections.forget(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET search_path");
            }
        } catch (SQLException e) {
            LOG.warn("Could not reset the search_path of a pooled connection; closing it", e);
            abort(connection);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        try {
            SwitchedConnections.forget(connection);
        } catch (SQLException e) {
            LOG.debug("A destroyed connection could not be unwrapped", e);
        }
    }

    /** A broken connection the pool drops by itself; any other that could not be reset must serve no one. */
    private static void abort(Connection connection) {
        try {
            connection.unwrap(Connection.class).abort(Runnable::run);
        } catch (SQLException e) {
            LOG.warn("Could not close a pooled connection whose search_path is unknown", e);
        }
    }
}
