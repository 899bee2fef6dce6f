package cn.tongyi.plugin.api;

import java.util.List;

/**
 * SQL on the plugin's own tables, in the schema of the branch the call acts in, within the call's transaction:
 * unqualified table names resolve there and nowhere else. Parameters are bound ({@code ?}), never concatenated.
 */
public interface PluginSql {

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters);

    /** An INSERT, UPDATE or DELETE; the number of rows it changed. */
    int update(String sql, Object... parameters);
}
