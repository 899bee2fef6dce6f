package cn.tongyi.tenant.access;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Selects a branch schema for one transaction only: {@code set_config('search_path', schema, true)}, which PostgreSQL
 * reverts at commit or rollback. No session state is left on the connection, so a pooled connection (Agroal's, or a
 * PgBouncer server connection in transaction mode, which serves another client's transaction next) never carries a
 * branch into the next transaction. Within a JTA transaction the switch is sent once per schema change: Hibernate,
 * plugins' SQL and anything else sharing the transaction's connection share what was last selected.
 */
@ApplicationScoped
public class TransactionSearchPath {

    private static final String SELECTED = TransactionSearchPath.class.getName() + ".selected";

    private final TransactionSynchronizationRegistry transaction;
    private final AgroalDataSource dataSource;

    TransactionSearchPath(TransactionSynchronizationRegistry transaction, AgroalDataSource dataSource) {
        this.transaction = transaction;
        this.dataSource = dataSource;
    }

    /**
     * Selects the schema on this connection for its current transaction. Outside a JTA transaction the connection is
     * first turned into a transaction of its own, which ends when it goes back to the pool (Agroal then restores
     * auto-commit, which commits), because in auto-commit mode a transaction-local setting would end with its own
     * statement.
     */
    public void enter(Connection connection, String schema) throws SQLException {
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && schema.equals(transaction.getResource(SELECTED))) {
            return;
        }
        if (!inTransaction && connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        select(connection, schema);
        if (inTransaction) {
            transaction.putResource(SELECTED, schema);
        }
    }

    /** Selects the schema for the rest of the current JTA transaction, on the connection the transaction holds. */
    public void enter(String schema) {
        if (transaction.getTransactionKey() == null) {
            throw new IllegalStateException("A branch schema is selected only inside a transaction");
        }
        try (Connection connection = dataSource.getConnection()) {
            enter(connection, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not select schema " + schema, e);
        }
    }

    /** Selects the schema for the connection's current transaction, without any bookkeeping. */
    public static void select(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, true)")) {
            statement.setString(1, schema);
            statement.execute();
        }
    }
}
