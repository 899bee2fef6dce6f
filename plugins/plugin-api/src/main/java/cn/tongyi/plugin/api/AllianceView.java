package cn.tongyi.plugin.api;

import java.util.List;

/**
 * Read-only access to the plugin's own tables in the other branches where it is enabled, for what the alliance
 * publishes across branches (a discount handbook, say). Never writes, never reaches another plugin's or the core's
 * tables by design of the SQL the plugin writes: a plugin is trusted code, as pf4j gives no sandbox.
 */
public interface AllianceView {

    /** The codes of the branches where this plugin is enabled, in code order. */
    List<String> branchesWithThisPlugin();

    /** A read of the plugin's tables in one of those branches. */
    <T> List<T> query(String branch, String sql, RowMapper<T> mapper, Object... parameters);
}
