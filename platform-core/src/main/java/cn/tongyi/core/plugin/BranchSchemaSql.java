package cn.tongyi.core.plugin;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.plugin.api.PluginSql;
import cn.tongyi.plugin.api.RowMapper;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * A plugin's SQL in one branch's schema: the transaction's search_path is set to that schema alone, transaction-local
 * ({@code set_config(…, true)}), before the first statement and whenever another branch's view came in between, so
 * that unqualified names resolve there and the setting ends with the transaction (a pooled connection carries nothing
 * into the next one).
 */
class BranchSchemaSql implements PluginSql {

    private static final String SEARCH_PATH = BranchSchemaSql.class.getName() + ".searchPath";

    private final PlainSql sql;
    private final TransactionSynchronizationRegistry transaction;
    private final BranchCode branch;

    BranchSchemaSql(PlainSql sql, TransactionSynchronizationRegistry transaction, BranchCode branch) {
        this.sql = sql;
        this.transaction = transaction;
        this.branch = branch;
    }

    @Override
    public <T> List<T> query(String statement, RowMapper<T> mapper, Object... parameters) {
        enterSchema();
        return sql.query(statement, mapper::map, parameters);
    }

    @Override
    public int update(String statement, Object... parameters) {
        enterSchema();
        return sql.update(statement, parameters);
    }

    private void enterSchema() {
        String schema = branch.schemaName();
        if (!schema.equals(transaction.getResource(SEARCH_PATH))) {
            sql.query("SELECT set_config('search_path', ?, true)", row -> row.getString(1), schema);
            transaction.putResource(SEARCH_PATH, schema);
        }
    }
}
