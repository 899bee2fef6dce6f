package cn.tongyi.core.plugin;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.plugin.api.AllianceView;
import cn.tongyi.plugin.api.RowMapper;
import cn.tongyi.tenant.access.TransactionSearchPath;
import cn.tongyi.tenant.registry.BranchCode;
import java.util.List;

/** Reads of the plugin's tables in the branches where it is enabled, each in that branch's schema. */
class PluginAlliance implements AllianceView {

    private final PluginEnablements enablements;
    private final PlainSql sql;
    private final TransactionSearchPath searchPath;
    private final String pluginId;

    PluginAlliance(PluginEnablements enablements, PlainSql sql, TransactionSearchPath searchPath,
            String pluginId) {
        this.enablements = enablements;
        this.sql = sql;
        this.searchPath = searchPath;
        this.pluginId = pluginId;
    }

    @Override
    public List<String> branchesWithThisPlugin() {
        return enablements.branchesEnabling(pluginId);
    }

    @Override
    public <T> List<T> query(String branch, String statement, RowMapper<T> mapper, Object... parameters) {
        if (!branchesWithThisPlugin().contains(branch)) {
            throw new IllegalArgumentException("The plugin is not enabled in branch " + branch);
        }
        String lowered = statement.strip().toLowerCase(java.util.Locale.ROOT);
        if (!lowered.startsWith("select") && !lowered.startsWith("with")) {
            throw new IllegalArgumentException("The alliance view only reads");
        }
        return new BranchSchemaSql(sql, searchPath, new BranchCode(branch)).query(statement, mapper, parameters);
    }
}
