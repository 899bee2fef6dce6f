package cn.tongyi.plugin.merchant.welcome;

import static cn.tongyi.plugin.api.BranchRole.MEMBER;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.MerchantAllianceSettings;
import cn.tongyi.plugin.merchant.handbook.Handbooks;
import cn.tongyi.plugin.merchant.redemption.PointDiscount;
import cn.tongyi.plugin.merchant.web.Callers;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A member reads their own welcome pack in the branch where they registered. */
public final class WelcomePackRoutes {

    private WelcomePackRoutes() {
    }

    public static List<Route> routes() {
        return List.of(Route.get("/welcome-pack", Set.of(MEMBER), "The caller's welcome pack",
                WelcomePackRoutes::read));
    }

    private static PluginResponse read(PluginRequest request, PluginContext context) {
        UUID memberId = Callers.of(context).personId();
        OffsetDateTime createdAt = new WelcomePacks(context).of(memberId)
                .orElseThrow(() -> PluginProblem.notFound("welcome-pack-not-found", "You have no welcome pack here"));
        boolean english = request.prefersEnglish();
        return PluginResponse.ok(new WelcomePack(memberId, context.branch(), createdAt,
                MerchantAllianceSettings.welcomeOffer(context), PointDiscount.rule(english),
                Handbooks.ofBranch(context, english)));
    }
}
