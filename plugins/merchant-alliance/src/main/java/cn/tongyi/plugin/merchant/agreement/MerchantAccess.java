package cn.tongyi.plugin.merchant.agreement;

import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.merchant.web.Callers;
import java.util.UUID;

/** Which merchant records a caller reaches: the branch's staff every one, a merchant's login only its own. */
public final class MerchantAccess {

    private MerchantAccess() {
    }

    /** The merchant if the caller may see it; another merchant's record is not found, as if it did not exist. */
    public static Merchant visible(PluginContext context, Merchants merchants, UUID merchantId) {
        Caller caller = Callers.of(context);
        return merchants.find(merchantId)
                .filter(merchant -> Callers.holdsAny(caller, Callers.STAFF)
                        || merchant.loginId().equals(caller.personId()))
                .orElseThrow(() -> PluginProblem.notFound("merchant-not-found", "No merchant " + merchantId));
    }

    /** The merchant whose login calls; 403 {@code not-a-merchant} for a login that is no merchant's here. */
    public static Merchant ofCaller(PluginContext context, Merchants merchants) {
        return merchants.ofLogin(Callers.of(context).personId())
                .orElseThrow(() -> PluginProblem.forbidden("not-a-merchant",
                        "This login belongs to no merchant of the branch"));
    }
}
