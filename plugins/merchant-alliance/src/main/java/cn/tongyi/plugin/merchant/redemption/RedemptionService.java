package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.LedgerPort;
import cn.tongyi.plugin.api.MemberDirectory.MemberSummary;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.merchant.agreement.Merchant;
import cn.tongyi.plugin.merchant.agreement.MerchantAccess;
import cn.tongyi.plugin.merchant.agreement.MerchantStatus;
import cn.tongyi.plugin.merchant.agreement.Merchants;
import cn.tongyi.plugin.merchant.code.PointCode;
import cn.tongyi.plugin.merchant.code.PointCodes;
import cn.tongyi.plugin.merchant.web.Requests;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A merchant takes a member's point code at the till (R-MERCHANT-2, R-LEDGER-8: a redemption the member put forward).
 * Everything happens in the call's transaction: the code is claimed, the ledger posts, the line is recorded.
 */
public final class RedemptionService {

    private final PluginContext context;
    private final Redemptions redemptions;

    public RedemptionService(PluginContext context) {
        this.context = context;
        this.redemptions = new Redemptions(context);
    }

    public RedemptionView redeem(RedemptionRequest request) {
        Merchant merchant = MerchantAccess.ofCaller(context, new Merchants(context));
        checkTakesPoints(merchant);
        String text = Requests.requiredText(request.code(), 1000, "code-required", "code");
        long purchaseFen = request.checkedPurchaseFen();
        PointDiscount discount = PointDiscount.of(purchaseFen, request.checkedCentiPoints());
        PointCode code = new PointCodes(context).read(text)
                .orElseThrow(() -> PluginProblem.unprocessable("invalid-code", "This is no point code of the branch"));
        OffsetDateTime now = context.time().now();
        if (code.expiredAt(now.toInstant())) {
            // the same request again, after the code expired, still answers what it did
            Redemption earlier = redemptions.ofCode(code.nonce()).orElseThrow(() -> PluginProblem.unprocessable(
                    "code-expired", "The point code has expired: the member shows a new one"));
            return sameOrRefused(earlier, merchant, discount);
        }
        MemberSummary member = context.members().find(code.memberId())
                .orElseThrow(() -> PluginProblem.unprocessable("member-not-found", "The code's member is no member"));
        Redemption claimed = new Redemption(UUID.randomUUID(), merchant.id(), member.id(), member.homeBranch(),
                code.nonce(), discount, null, now);
        if (!redemptions.claim(claimed)) {
            return sameOrRefused(redemptions.ofCode(code.nonce()).orElseThrow(), merchant, discount);
        }
        LedgerPort.Redemption posted = context.ledger().redeem(member.id(), discount.centiPoints(),
                "merchant:" + merchant.id() + ":redemption:" + claimed.id(),
                "redemption:" + context.branch() + ":" + code.nonce());
        redemptions.recordTransfer(claimed.id(), posted.transferId());
        return RedemptionView.of(claimed.withTransfer(posted.transferId()), member.maskedName());
    }

    private void checkTakesPoints(Merchant merchant) {
        if (merchant.status() == MerchantStatus.TERMINATED) {
            throw PluginProblem.conflict("merchant-terminated",
                    "The agreement with this merchant has been terminated: it takes no points");
        }
        if (!merchant.validOn(context.time().today())) {
            throw PluginProblem.conflict("agreement-not-valid", "The merchant's agreement runs from "
                    + merchant.validFrom() + " to " + merchant.validTo() + ", not today");
        }
    }

    /** A code redeems once: the same request again gets the same redemption, anything else is refused. */
    private RedemptionView sameOrRefused(Redemption earlier, Merchant merchant, PointDiscount discount) {
        if (!earlier.merchantId().equals(merchant.id()) || !earlier.discount().equals(discount)) {
            throw PluginProblem.conflict("code-used", "This point code has been used: the member shows a new one");
        }
        return RedemptionView.of(earlier, new MemberNames(context.members()).of(earlier.memberId()));
    }
}
