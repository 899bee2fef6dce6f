package cn.tongyi.plugin.merchant;

import cn.tongyi.plugin.api.PluginTables;
import org.pf4j.Extension;

/** The plugin's tables in a branch schema: merchants, the point-code key, redemptions, fee receipts, welcome packs. */
@Extension
public class MerchantAllianceTables implements PluginTables {

    private static final String CHANGELOG = "db/merchant-alliance/changelog.xml";

    @Override
    public String changelogPath() {
        return CHANGELOG;
    }
}
