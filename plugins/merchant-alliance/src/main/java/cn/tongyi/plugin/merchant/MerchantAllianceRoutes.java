package cn.tongyi.plugin.merchant;

import cn.tongyi.plugin.api.PluginRoutes;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.merchant.agreement.MerchantRoutes;
import cn.tongyi.plugin.merchant.code.PointCodeRoutes;
import cn.tongyi.plugin.merchant.handbook.HandbookRoutes;
import cn.tongyi.plugin.merchant.reconciliation.ReconciliationRoutes;
import cn.tongyi.plugin.merchant.redemption.RedemptionRoutes;
import cn.tongyi.plugin.merchant.welcome.WelcomePackRoutes;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.Extension;

/** Every route of the plugin, under {@code /api/branches/{branch}/plugins/merchant-alliance}. */
@Extension
public class MerchantAllianceRoutes implements PluginRoutes {

    @Override
    public List<Route> routes() {
        return Stream.of(MerchantRoutes.routes(), PointCodeRoutes.routes(), RedemptionRoutes.routes(),
                ReconciliationRoutes.routes(), HandbookRoutes.routes(), WelcomePackRoutes.routes())
                .flatMap(List::stream)
                .toList();
    }
}
