package cn.tongyi.plugin.merchant.agreement;

import cn.tongyi.plugin.api.AllianceView;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginSql;
import cn.tongyi.plugin.api.RowMapper;
import cn.tongyi.plugin.merchant.sql.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The merchants of a branch, in table {@code merchant_alliance_merchant}. */
public final class Merchants {

    private static final String SELECT = """
            SELECT id, name, category, fee_rate_bp, offer, valid_from, valid_to, status, terminated_at,
                   termination_reason, login_id, created_at
            FROM merchant_alliance_merchant""";
    private static final String OPEN_ON =
            SELECT + " WHERE status = 'ACTIVE' AND valid_from <= ? AND valid_to >= ? ORDER BY category, name, id";

    private final PluginSql sql;
    private final RowMapper<Merchant> mapper;

    public Merchants(PluginContext context) {
        this.sql = context.sql();
        this.mapper = mapper(context.time().zone());
    }

    public void add(Merchant merchant, UUID createdBy) {
        sql.update("""
                INSERT INTO merchant_alliance_merchant (id, name, category, fee_rate_bp, offer, valid_from, valid_to,
                    status, login_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                merchant.id(), merchant.name(), merchant.category().name(), merchant.feeRate().basisPoints(),
                merchant.offer(), merchant.validFrom(), merchant.validTo(), merchant.status().name(),
                merchant.loginId(), createdBy, merchant.createdAt());
    }

    /** Every merchant of the branch, terminated ones included, by name. */
    public List<Merchant> all() {
        return sql.query(SELECT + " ORDER BY name, id", mapper);
    }

    public Optional<Merchant> find(UUID id) {
        return sql.query(SELECT + " WHERE id = ?", mapper, id).stream().findFirst();
    }

    public Optional<Merchant> ofLogin(UUID loginId) {
        return sql.query(SELECT + " WHERE login_id = ?", mapper, loginId).stream().findFirst();
    }

    /** R-MERCHANT-5: ends an ACTIVE agreement now; false if the merchant was not ACTIVE. */
    public boolean terminate(UUID id, String reason, UUID terminatedBy, OffsetDateTime at) {
        return sql.update("""
                UPDATE merchant_alliance_merchant
                SET status = 'TERMINATED', terminated_at = ?, termination_reason = ?, terminated_by = ?
                WHERE id = ? AND status = 'ACTIVE'""", at, reason, terminatedBy, id) == 1;
    }

    /** The merchants where members may use points on the day (R-MERCHANT-4). */
    public List<Merchant> openOn(LocalDate day) {
        return sql.query(OPEN_ON, mapper, day, day);
    }

    /** The same in another branch where the plugin is enabled, read through the alliance view. */
    public static List<Merchant> openOn(AllianceView alliance, String branch, LocalDate day, ZoneId zone) {
        return alliance.query(branch, OPEN_ON, mapper(zone), day, day);
    }

    private static RowMapper<Merchant> mapper(ZoneId zone) {
        return row -> new Merchant(Rows.uuid(row, "id"), row.getString("name"),
                Category.valueOf(row.getString("category")), new FeeRate(row.getInt("fee_rate_bp")),
                row.getString("offer"), row.getObject("valid_from", LocalDate.class),
                row.getObject("valid_to", LocalDate.class), MerchantStatus.valueOf(row.getString("status")),
                Rows.time(row, "terminated_at", zone), row.getString("termination_reason"),
                Rows.uuid(row, "login_id"), Rows.time(row, "created_at", zone));
    }
}
