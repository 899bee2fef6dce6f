package cn.tongyi.plugin.merchant;

import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PluginPages;
import cn.tongyi.plugin.merchant.code.PointCodePage;
import cn.tongyi.plugin.merchant.handbook.HandbookPage;
import cn.tongyi.plugin.merchant.redemption.MerchantConsolePage;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's pages (plugin API 1.2): the member's point code and handbook, the merchant console. */
@Extension
public class MerchantAlliancePages implements PluginPages {

    @Override
    public List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        pages.add(PointCodePage.page());
        pages.addAll(HandbookPage.pages());
        pages.add(MerchantConsolePage.page());
        return List.copyOf(pages);
    }
}
