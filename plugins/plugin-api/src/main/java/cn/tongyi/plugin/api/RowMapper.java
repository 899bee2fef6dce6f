package cn.tongyi.plugin.api;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one row of a result. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultSet row) throws SQLException;
}
