package cn.tongyi.plugin.merchant.reconciliation;

import static cn.tongyi.plugin.api.BranchRole.BRANCH_HEAD;
import static cn.tongyi.plugin.api.BranchRole.FINANCE;
import static cn.tongyi.plugin.api.BranchRole.MERCHANT;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.agreement.Merchant;
import cn.tongyi.plugin.merchant.agreement.MerchantAccess;
import cn.tongyi.plugin.merchant.agreement.Merchants;
import cn.tongyi.plugin.merchant.redemption.RedemptionLines;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import cn.tongyi.plugin.merchant.web.Requests;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The monthly settlement with each merchant (R-MERCHANT-3) and the receipt of its fee (R-FIN-1). */
public final class ReconciliationRoutes {

    /** The body of a fee receipt: the month (YYYY-MM) and the number on the receipt given to the merchant. */
    public record FeeReceived(String month, String receiptNo) {
    }

    private static final Set<BranchRole> BOOKKEEPERS = Set.of(BRANCH_HEAD, FINANCE);

    private ReconciliationRoutes() {
    }

    public static List<Route> routes() {
        return List.of(
                Route.get("/reconciliations", BOOKKEEPERS, "Every merchant's month: spending, discounts, fee due",
                        ReconciliationRoutes::month),
                Route.get("/reconciliations/{merchantId}/lines.csv", Set.of(BRANCH_HEAD, FINANCE, MERCHANT),
                        "The lines behind a merchant's month, as CSV (a merchant reads its own)",
                        ReconciliationRoutes::linesCsv),
                Route.post("/reconciliations/{merchantId}/fee-received", BOOKKEEPERS,
                        "Record a merchant's fee for a month as received, once", ReconciliationRoutes::feeReceived));
    }

    private static PluginResponse month(PluginRequest request, PluginContext context) {
        return PluginResponse.ok(new Reconciliations(context).of(BusinessMonth.requested(request, context)));
    }

    private static PluginResponse linesCsv(PluginRequest request, PluginContext context) {
        UUID merchantId = Requests.pathId(request, "merchantId", "merchant-not-found");
        Merchant merchant = MerchantAccess.visible(context, new Merchants(context), merchantId);
        BusinessMonth month = BusinessMonth.requested(request, context);
        byte[] csv = LinesCsv.of(RedemptionLines.of(context, month, Optional.of(merchant.id())),
                request.prefersEnglish());
        return PluginResponse.bytes("text/csv; charset=UTF-8", csv,
                "merchant-" + merchant.id() + "-" + month.month() + ".csv");
    }

    private static PluginResponse feeReceived(PluginRequest request, PluginContext context) {
        UUID merchantId = Requests.pathId(request, "merchantId", "merchant-not-found");
        FeeReceived body = Requests.body(request, FeeReceived.class);
        Merchant merchant = new Merchants(context).find(merchantId)
                .orElseThrow(() -> PluginProblem.notFound("merchant-not-found", "No merchant " + merchantId));
        BusinessMonth month = BusinessMonth.of(BusinessMonth.parse(Optional.ofNullable(body.month())),
                context.time().zone());
        String receiptNo = Requests.requiredText(body.receiptNo(), 40, "receipt-no-required", "receiptNo");
        return PluginResponse.created(new FeeReceipts(context).receive(merchant, month, receiptNo));
    }
}
