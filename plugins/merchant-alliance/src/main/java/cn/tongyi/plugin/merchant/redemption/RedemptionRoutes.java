package cn.tongyi.plugin.merchant.redemption;

import static cn.tongyi.plugin.api.BranchRole.BRANCH_HEAD;
import static cn.tongyi.plugin.api.BranchRole.FINANCE;
import static cn.tongyi.plugin.api.BranchRole.MERCHANT;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.agreement.MerchantAccess;
import cn.tongyi.plugin.merchant.agreement.Merchants;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import cn.tongyi.plugin.merchant.web.Callers;
import cn.tongyi.plugin.merchant.web.Requests;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Points taken off at a merchant's till (R-MERCHANT-2), and the lines of a month. */
public final class RedemptionRoutes {

    /** The roles that see every merchant's lines; a merchant sees its own. */
    private static final Set<BranchRole> BOOKKEEPERS = Set.of(BRANCH_HEAD, FINANCE);

    private RedemptionRoutes() {
    }

    public static List<Route> routes() {
        return List.of(
                Route.postKeyedByPlugin("/redemptions", Set.of(MERCHANT), "Redeem a member's point code on a purchase",
                        RedemptionRoutes::redeem),
                Route.get("/redemptions", Set.of(MERCHANT, BRANCH_HEAD, FINANCE),
                        "A month's redemptions (a merchant sees its own)", RedemptionRoutes::list));
    }

    private static PluginResponse redeem(PluginRequest request, PluginContext context) {
        RedemptionRequest body = Requests.body(request, RedemptionRequest.class);
        return PluginResponse.created(new RedemptionService(context).redeem(body));
    }

    private static PluginResponse list(PluginRequest request, PluginContext context) {
        BusinessMonth month = BusinessMonth.requested(request, context);
        Optional<UUID> merchant = Callers.holdsAny(Callers.of(context), BOOKKEEPERS)
                ? Optional.empty()
                : Optional.of(MerchantAccess.ofCaller(context, new Merchants(context)).id());
        return PluginResponse.ok(RedemptionLines.of(context, month, merchant));
    }
}
