package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.BranchCode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The change sets each branch schema holds, read from the schema itself, and what its last upgrade did, kept in
 * {@code platform.branch_schema_version} for HQ. Plain JDBC in auto-commit, outside any JTA transaction: upgrades run
 * on worker threads, and one branch's record must not wait for another's.
 */
@ApplicationScoped
public class BranchSchemaVersions {

    /** The last upgrade of a branch schema: {@code failedAt} and {@code error} are set when it failed. */
    public record Recorded(String branch, int changeSets, String lastChangeSet, OffsetDateTime upgradedAt,
            OffsetDateTime failedAt, String error) {
    }

    private static final int ERROR_LENGTH = 1000;

    private final AgroalDataSource dataSource;

    BranchSchemaVersions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The change sets ({@code author:id}) in the schema's own changelog table; none if it has no such table yet. */
    Set<String> applied(BranchCode branch) throws SQLException {
        Set<String> applied = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + branch.schemaName()
                    + ".databasechangelog') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return applied;
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT author, id FROM " + branch.schemaName()
                    + ".databasechangelog ORDER BY orderexecuted")) {
                while (rows.next()) {
                    applied.add(rows.getString(1) + ":" + rows.getString(2));
                }
            }
        }
        return applied;
    }

    /** Records that the schema is up to date, with the change sets it now holds (one statement). */
    public void recordUpgraded(BranchCode branch, OffsetDateTime at) {
        String changelog = branch.schemaName() + ".databasechangelog";
        write("""
                INSERT INTO platform.branch_schema_version (branch_code, change_sets, last_change_set, upgraded_at)
                SELECT ?, (SELECT count(*) FROM %1$s),
                       (SELECT author || ':' || id FROM %1$s ORDER BY orderexecuted DESC LIMIT 1), ?
                ON CONFLICT (branch_code) DO UPDATE SET change_sets = excluded.change_sets,
                    last_change_set = excluded.last_change_set, upgraded_at = excluded.upgraded_at,
                    failed_at = NULL, error = NULL""".formatted(changelog), branch.value(), at);
    }

    void recordFailed(BranchCode branch, Set<String> applied, String error, OffsetDateTime at) {
        String last = applied.stream().reduce((first, second) -> second).orElse(null);
        String shortened = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        write("""
                INSERT INTO platform.branch_schema_version (branch_code, change_sets, last_change_set, failed_at, error)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (branch_code) DO UPDATE SET change_sets = excluded.change_sets,
                    last_change_set = excluded.last_change_set, failed_at = excluded.failed_at,
                    error = excluded.error""", branch.value(), applied.size(), last, at, shortened);
    }

    /** Every branch's record, by code. */
    public Map<String, Recorded> all() {
        Map<String, Recorded> all = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT branch_code, change_sets, last_change_set, upgraded_at, failed_at, error
                        FROM platform.branch_schema_version""")) {
            while (rows.next()) {
                all.put(rows.getString(1), new Recorded(rows.getString(1), rows.getInt(2), rows.getString(3),
                        rows.getObject(4, OffsetDateTime.class), rows.getObject(5, OffsetDateTime.class),
                        rows.getString(6)));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the branch schema versions", e);
        }
    }

    private void write(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the schema version of a branch", e);
        }
    }
}
