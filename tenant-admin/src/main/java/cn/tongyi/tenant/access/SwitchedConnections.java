package cn.tongyi.tenant.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pooled connections whose session search_path was switched to a branch schema ({@code Connection.setSchema}: by
 * Hibernate for a branch's request, by the tenant migrator), so that the pool resets exactly those when they come
 * back, and no round trip is spent on the others (the ledger's plain JDBC never switches). Keyed by the physical
 * connection, which the pool's wrappers unwrap to.
 */
public final class SwitchedConnections {

    private static final Set<Connection> SWITCHED = ConcurrentHashMap.newKeySet();

    private SwitchedConnections() {
    }

    /** Switches the connection's session to the schema and remembers that it must be reset. */
    public static void switchTo(Connection connection, String schema) throws SQLException {
        SWITCHED.add(connection.unwrap(Connection.class));
        connection.setSchema(schema);
    }

    /** Whether the connection had been switched; it is forgotten either way. */
    public static boolean forget(Connection connection) throws SQLException {
        return SWITCHED.remove(connection.unwrap(Connection.class));
    }
}
