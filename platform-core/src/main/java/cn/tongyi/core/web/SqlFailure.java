package cn.tongyi.core.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A failure that came from the database, as far as it may be logged and mapped: SQL state, constraint, table and the
 * classes of the exception chain. Never the messages: PostgreSQL's detail ("Failing row contains (…)", "Key
 * (username)=(…)") quotes the row, names and birth dates included, and the wrappers above copy it. Pure logic.
 */
final class SqlFailure {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** Administrator or crash shutdown, or a server still starting: the database is not there for now. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    /** Agroal's only sign that no connection came free in time; it sets no SQL state. */
    private static final String POOL_TIMEOUT = "acquisition timeout";

    private final List<Throwable> chain;
    private final SQLException sql;
    private final ServerErrorMessage server;

    private SqlFailure(List<Throwable> chain, SQLException sql) {
        this.chain = chain;
        this.sql = sql;
        this.server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    }

    /** The database failure behind this exception, if an SQL exception is among its causes. */
    static Optional<SqlFailure> in(Throwable failure) {
        List<Throwable> chain = causes(failure);
        return chain.stream().filter(SQLException.class::isInstance).map(SQLException.class::cast).findFirst()
                .map(sql -> new SqlFailure(chain, sql));
    }

    private String sqlState() {
        return sql.getSQLState();
    }

    /** The violated or offending constraint, as PostgreSQL names it. */
    Optional<String> constraint() {
        return Optional.ofNullable(server).map(ServerErrorMessage::getConstraint);
    }

    boolean isUniqueViolation() {
        return UNIQUE_VIOLATION.equals(sqlState());
    }

    /** No connection to the database: it refused or dropped one, is shutting down, or the pool had none in time. */
    boolean isDatabaseUnavailable() {
        String state = sqlState();
        if (state == null) {
            return sql.getMessage() != null && sql.getMessage().contains(POOL_TIMEOUT);
        }
        return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GONE.contains(state);
    }

    /** The failure's stack traces, every message replaced by its exception's class name. */
    Throwable withoutMessages() {
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            copy = new Redacted(chain.get(i), copy);
        }
        return copy;
    }

    @Override
    public String toString() {
        String table = server == null || server.getTable() == null ? null
                : server.getSchema() + "." + server.getTable();
        return "SQL state " + sqlState() + ", constraint " + constraint().orElse(null) + ", table " + table
                + ", exceptions " + chain.stream().map(e -> e.getClass().getName()).collect(Collectors.joining(" < "));
    }

    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static final class Redacted extends Exception {

        Redacted(Throwable original, Throwable cause) {
            super(original.getClass().getName(), cause, false, true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
