package cn.tongyi.plugin.merchant.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Typed reads of a result row; instants are shown in the business zone, as the platform shows them. */
public final class Rows {

    private Rows() {
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** An instant in the zone, or null. */
    public static OffsetDateTime time(ResultSet row, String column, ZoneId zone) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
