package cn.tongyi.plugin.merchant.reconciliation;

import cn.tongyi.plugin.api.BranchIncomePort;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.merchant.agreement.Merchant;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import cn.tongyi.plugin.merchant.web.Callers;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Receiving a merchant's management fee for a month, once: the receipt in {@code merchant_alliance_fee_receipt} and the
 * branch's income (R-MERCHANT-3, R-FIN-1), in the call's transaction.
 */
public final class FeeReceipts {

    private final PluginContext context;

    public FeeReceipts(PluginContext context) {
        this.context = context;
    }

    /**
     * Books the fee due for the month: 409 {@code fee-already-received} the second time, 422 {@code no-fee-due} for a
     * month without spending.
     */
    public FeeReceipt receive(Merchant merchant, BusinessMonth month, String receiptNo) {
        String monthText = month.month().toString();
        Optional<Reconciliation> reconciliation = new Reconciliations(context).of(month).stream()
                .filter(line -> line.merchantId().equals(merchant.id()))
                .findFirst();
        if (reconciliation.map(Reconciliation::feeReceived).orElse(false)) {
            throw alreadyReceived(merchant, monthText);
        }
        Reconciliation due = reconciliation.filter(line -> line.feeDueFen() > 0)
                .orElseThrow(() -> PluginProblem.unprocessable("no-fee-due",
                        "Members spent nothing at " + merchant.name() + " in " + monthText + ": no fee is due"));
        OffsetDateTime now = context.time().now();
        int receipts = context.sql().update("""
                INSERT INTO merchant_alliance_fee_receipt (merchant_id, month, spending_fen, fee_rate_bp, fee_fen,
                    receipt_no, received_by, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (merchant_id, month) DO NOTHING""",
                merchant.id(), month.month().atDay(1), due.spendingFen(), merchant.feeRate().basisPoints(),
                due.feeDueFen(), receiptNo, Callers.of(context).personId(), now);
        // Zero receipts: a concurrent call committed first. The income port says false if the books have it already.
        if (receipts == 0 || !context.income().record(BranchIncomePort.Source.MERCHANT_FEE, due.feeDueFen(),
                "merchant-fee:" + merchant.id() + ":" + monthText,
                "商家管理费 " + merchant.name() + " " + monthText + ",收据 " + receiptNo)) {
            throw alreadyReceived(merchant, monthText);
        }
        return new FeeReceipt(merchant.id(), monthText, due.spendingFen(), merchant.feeRate().percent(),
                due.feeDueFen(), receiptNo, now);
    }

    private static PluginProblem alreadyReceived(Merchant merchant, String month) {
        return PluginProblem.conflict("fee-already-received",
                "The fee of " + merchant.name() + " for " + month + " has been received already");
    }
}
