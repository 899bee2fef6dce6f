package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.access.TransactionSearchPath;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A connection for Liquibase, which commits change set by change set: the branch schema is selected transaction-local
 * before the first statement of every transaction, since no session setting survives a PgBouncer in transaction mode
 * (each transaction may run on another server connection). Only explicit transactions are allowed.
 */
final class SchemaSelectingConnection implements InvocationHandler {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement",
            "prepareCall");
    private static final Set<String> TRANSACTION_ENDS = Set.of("commit", "rollback", "setAutoCommit");

    private final Connection target;
    private final String schema;
    private boolean selected;

    private SchemaSelectingConnection(Connection target, String schema) {
        this.target = target;
        this.schema = schema;
    }

    static Connection wrap(Connection connection, String schema) throws SQLException {
        connection.setAutoCommit(false);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new SchemaSelectingConnection(connection, schema));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (STATEMENT_FACTORIES.contains(name) && !selected) {
            if (target.getAutoCommit()) {
                throw new SQLException("Schema " + schema + " is selected only in explicit transactions");
            }
            TransactionSearchPath.select(target, schema);
            selected = true;
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (TRANSACTION_ENDS.contains(name)) {
                selected = false;
            }
        }
    }
}
