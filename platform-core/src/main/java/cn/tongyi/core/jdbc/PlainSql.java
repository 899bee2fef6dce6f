package cn.tongyi.core.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC for hot paths such as the ledger's postings (ADR 0008). Inside a transaction the pool hands out the
 * connection the transaction already holds, so these statements commit or roll back with everything else the caller
 * did. Unlike the Hibernate session they do not switch the connection to the branch's schema first, so every table
 * must be named with its schema (a branch schema only ever from a validated branch code), and they do not flush the
 * session: callers read only rows that were written before, or through this class.
 */
@ApplicationScoped
public class PlainSql {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    PlainSql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet results = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (results.next()) {
                rows.add(row.map(results));
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /**
     * Binds {@code long[]} as a PostgreSQL {@code bigint[]}, {@code UUID[]} as {@code uuid[]}, {@code String[]} as
     * {@code text[]}, everything else as the driver maps it.
     */
    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof long[] longs) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint",
                            Arrays.stream(longs).boxed().toArray()));
                } else if (parameters[i] instanceof UUID[] uuids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", uuids));
                } else if (parameters[i] instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
