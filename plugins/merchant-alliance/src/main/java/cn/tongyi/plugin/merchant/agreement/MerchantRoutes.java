package cn.tongyi.plugin.merchant.agreement;

import static cn.tongyi.plugin.api.BranchRole.BRANCH_HEAD;
import static cn.tongyi.plugin.api.BranchRole.MERCHANT;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.web.Callers;
import cn.tongyi.plugin.merchant.web.Requests;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Signing merchants up (R-MERCHANT-1), reading them, and ending an agreement at once (R-MERCHANT-5). */
public final class MerchantRoutes {

    /** The body of a termination. */
    public record Termination(String reason) {
    }

    private MerchantRoutes() {
    }

    public static List<Route> routes() {
        Set<BranchRole> staffAndMerchant = new HashSet<>(Callers.STAFF);
        staffAndMerchant.add(MERCHANT);
        return List.of(
                Route.post("/merchants", Set.of(BRANCH_HEAD), "Sign a merchant up, with its login",
                        MerchantRoutes::create),
                Route.get("/merchants", Callers.STAFF, "The branch's merchants", MerchantRoutes::list),
                Route.get("/merchants/{merchantId}", staffAndMerchant, "A merchant (a merchant reads only its own)",
                        MerchantRoutes::read),
                Route.post("/merchants/{merchantId}/termination", Set.of(BRANCH_HEAD),
                        "End a merchant's agreement at once", MerchantRoutes::terminate));
    }

    private static PluginResponse create(PluginRequest request, PluginContext context) {
        NewMerchant body = Requests.body(request, NewMerchant.class);
        AgreementTerms terms = body.terms();
        NewMerchant.NewLogin login = body.checkedLogin();
        UUID loginId = context.logins().createMerchantLogin(login.username(), login.displayName(), login.password());
        Merchant merchant = terms.signed(UUID.randomUUID(), loginId, context.time().now());
        new Merchants(context).add(merchant, Callers.of(context).personId());
        return PluginResponse.created(MerchantView.of(merchant));
    }

    private static PluginResponse list(PluginRequest request, PluginContext context) {
        return PluginResponse.ok(new Merchants(context).all().stream().map(MerchantView::of).toList());
    }

    private static PluginResponse read(PluginRequest request, PluginContext context) {
        Merchants merchants = new Merchants(context);
        UUID id = Requests.pathId(request, "merchantId", "merchant-not-found");
        return PluginResponse.ok(MerchantView.of(MerchantAccess.visible(context, merchants, id)));
    }

    private static PluginResponse terminate(PluginRequest request, PluginContext context) {
        Merchants merchants = new Merchants(context);
        UUID id = Requests.pathId(request, "merchantId", "merchant-not-found");
        Termination body = Requests.body(request, Termination.class);
        String reason = Requests.requiredText(body.reason(), 500, "reason-required", "reason");
        Merchant merchant = merchants.find(id)
                .orElseThrow(() -> PluginProblem.notFound("merchant-not-found", "No merchant " + id));
        if (!merchants.terminate(id, reason, Callers.of(context).personId(), context.time().now())) {
            throw PluginProblem.conflict("merchant-already-terminated",
                    "The agreement of " + merchant.name() + " has already been terminated");
        }
        return PluginResponse.ok(MerchantView.of(merchants.find(id).orElseThrow()));
    }
}
