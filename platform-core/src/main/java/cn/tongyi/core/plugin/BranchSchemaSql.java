package cn.tongyi.core.plugin;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.plugin.api.PluginSql;
import cn.tongyi.plugin.api.RowMapper;
import cn.tongyi.tenant.access.TransactionSearchPath;
import cn.tongyi.tenant.registry.BranchCode;
import java.util.List;

/**
 * A plugin's SQL in one branch's schema: the transaction's search_path is set to that schema alone, transaction-local
 * ({@link TransactionSearchPath}), before the first statement and whenever another branch's view or the core's
 * Hibernate session selected another schema in between, so that unqualified names resolve there and the setting ends
 * with the transaction (a pooled connection carries nothing into the next one).
 */
class BranchSchemaSql implements PluginSql {

    private final PlainSql sql;
    private final TransactionSearchPath searchPath;
    private final BranchCode branch;

    BranchSchemaSql(PlainSql sql, TransactionSearchPath searchPath, BranchCode branch) {
        this.sql = sql;
        this.searchPath = searchPath;
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
        searchPath.enter(branch.schemaName());
    }
}
