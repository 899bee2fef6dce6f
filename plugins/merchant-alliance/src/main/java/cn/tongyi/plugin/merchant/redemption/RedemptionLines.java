package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A month's redemptions as lines to show: at every merchant of the branch, or at one. */
public final class RedemptionLines {

    private RedemptionLines() {
    }

    public static List<RedemptionView> of(PluginContext context, BusinessMonth month, Optional<UUID> merchantId) {
        MemberNames names = new MemberNames(context.members());
        return new Redemptions(context).in(month, merchantId).stream()
                .map(redemption -> RedemptionView.of(redemption, names.of(redemption.memberId())))
                .toList();
    }
}
