package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginSql;
import cn.tongyi.plugin.api.RowMapper;
import cn.tongyi.plugin.merchant.sql.Rows;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The branch's redemptions, in {@code merchant_alliance_redemption}. */
public final class Redemptions {

    private static final String SELECT = """
            SELECT id, merchant_id, member_id, member_home_branch, code_nonce, centi_points, discount_fen,
                   purchase_fen, transfer_id, created_at
            FROM merchant_alliance_redemption""";

    private final PluginSql sql;
    private final RowMapper<Redemption> mapper;

    public Redemptions(PluginContext context) {
        this.sql = context.sql();
        this.mapper = row -> new Redemption(Rows.uuid(row, "id"), Rows.uuid(row, "merchant_id"),
                Rows.uuid(row, "member_id"), row.getString("member_home_branch"), row.getString("code_nonce"),
                new PointDiscount(row.getLong("centi_points"), row.getLong("discount_fen"),
                        row.getLong("purchase_fen")),
                row.getObject("transfer_id", Long.class), Rows.time(row, "created_at", context.time().zone()));
    }

    /**
     * Takes the redemption's code for it, before anything is posted: false if the code was taken already. A concurrent
     * claim of the same code waits here until the first commits, and then finds it taken.
     */
    public boolean claim(Redemption redemption) {
        PointDiscount discount = redemption.discount();
        return sql.update("""
                INSERT INTO merchant_alliance_redemption (id, merchant_id, member_id, member_home_branch, code_nonce,
                    centi_points, discount_fen, purchase_fen, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code_nonce) DO NOTHING""",
                redemption.id(), redemption.merchantId(), redemption.memberId(), redemption.memberHomeBranch(),
                redemption.codeNonce(), discount.centiPoints(), discount.discountFen(), discount.purchaseFen(),
                redemption.createdAt()) == 1;
    }

    public void recordTransfer(UUID redemptionId, long transferId) {
        sql.update("UPDATE merchant_alliance_redemption SET transfer_id = ? WHERE id = ?", transferId, redemptionId);
    }

    public Optional<Redemption> ofCode(String nonce) {
        return sql.query(SELECT + " WHERE code_nonce = ?", mapper, nonce).stream().findFirst();
    }

    /** The month's redemptions, oldest first: at every merchant, or at one. */
    public List<Redemption> in(BusinessMonth month, Optional<UUID> merchantId) {
        return merchantId
                .map(id -> sql.query(SELECT + " WHERE created_at >= ? AND created_at < ? AND merchant_id = ?"
                        + " ORDER BY created_at, id", mapper, month.from(), month.until(), id))
                .orElseGet(() -> sql.query(SELECT + " WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",
                        mapper, month.from(), month.until()));
    }
}
