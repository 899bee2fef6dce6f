package cn.tongyi.plugin.merchant.reconciliation;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.agreement.FeeRate;
import cn.tongyi.plugin.merchant.sql.Rows;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import java.time.ZoneId;
import java.util.List;

/** The month's reconciliation with every merchant of the branch (R-MERCHANT-3). */
public final class Reconciliations {

    private final PluginContext context;

    public Reconciliations(PluginContext context) {
        this.context = context;
    }

    /**
     * Every merchant that had redemptions or a fee receipt in the month, or whose agreement covered part of it and was
     * not terminated before it began; by name.
     */
    public List<Reconciliation> of(BusinessMonth month) {
        ZoneId zone = context.time().zone();
        return context.sql().query("""
                SELECT m.id, m.name, m.fee_rate_bp, coalesce(s.lines, 0) AS lines,
                       coalesce(s.spending_fen, 0) AS spending_fen, coalesce(s.discount_fen, 0) AS discount_fen,
                       f.fee_fen, f.receipt_no, f.received_at
                FROM merchant_alliance_merchant m
                LEFT JOIN (SELECT merchant_id, count(*) AS lines, sum(purchase_fen) AS spending_fen,
                                  sum(discount_fen) AS discount_fen
                           FROM merchant_alliance_redemption
                           WHERE created_at >= ? AND created_at < ?
                           GROUP BY merchant_id) s ON s.merchant_id = m.id
                LEFT JOIN merchant_alliance_fee_receipt f ON f.merchant_id = m.id AND f.month = ?
                WHERE s.merchant_id IS NOT NULL OR f.merchant_id IS NOT NULL
                   OR (m.valid_from <= ? AND m.valid_to >= ? AND (m.terminated_at IS NULL OR m.terminated_at >= ?))
                ORDER BY m.name, m.id""",
                row -> {
                    FeeRate rate = new FeeRate(row.getInt("fee_rate_bp"));
                    long spendingFen = row.getLong("spending_fen");
                    Long receivedFeeFen = row.getObject("fee_fen", Long.class);
                    return new Reconciliation(Rows.uuid(row, "id"), row.getString("name"), month.month().toString(),
                            row.getLong("lines"), spendingFen, row.getLong("discount_fen"), rate.percent(),
                            rate.feeOn(spendingFen), receivedFeeFen != null, receivedFeeFen,
                            row.getString("receipt_no"), Rows.time(row, "received_at", zone));
                },
                month.from(), month.until(), month.month().atDay(1), month.month().atEndOfMonth(),
                month.month().atDay(1), month.from());
    }
}
