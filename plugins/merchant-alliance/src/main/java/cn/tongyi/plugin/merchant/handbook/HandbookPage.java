package cn.tongyi.plugin.merchant.handbook;

import static cn.tongyi.plugin.merchant.web.Html.say;
import static cn.tongyi.plugin.merchant.web.Html.text;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PageFragment;
import cn.tongyi.plugin.api.PageRequest;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.web.Callers;
import cn.tongyi.plugin.merchant.web.Html;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The member discount handbook (R-MERCHANT-4) as a page, for members and for the branch's staff. */
public final class HandbookPage {

    private HandbookPage() {
    }

    public static List<Page> pages() {
        return List.of(
                Page.menuEntry(Audience.MEMBER, "/handbook", Set.of(BranchRole.MEMBER), "优惠手册",
                        "Discount handbook", HandbookPage::render),
                Page.menuEntry(Audience.STAFF, "/handbook", Callers.STAFF, "商家优惠手册",
                        "Merchant discount handbook", HandbookPage::render));
    }

    private static PageFragment render(PageRequest request, PluginContext context) {
        boolean en = request.prefersEnglish();
        HandbookScope scope = HandbookScope.parse(request.queryParameter("scope"));
        Handbook handbook = Handbooks.of(context, scope, en);
        HandbookScope other = scope == HandbookScope.BRANCH ? HandbookScope.ALLIANCE : HandbookScope.BRANCH;
        String otherLabel = other == HandbookScope.BRANCH ? say(en, "只看本分会", "This branch only")
                : say(en, "看全联盟", "The whole alliance");
        List<List<String>> rows = handbook.entries().stream().map(entry -> List.of(
                text(entry.name()), text(entry.categoryLabel()), text(entry.offer()), text(entry.validTo()),
                text(entry.branch()))).toList();
        String list = rows.isEmpty()
                ? "<p>" + say(en, "今天还没有可以使用积分的商家。", "No merchant takes points today yet.") + "</p>"
                : Html.table(en ? "Merchants where points are good on " + handbook.date()
                        : handbook.date() + " 可用积分的商家",
                        en ? List.of("Merchant", "Kind", "Offer", "Until", "Branch")
                                : List.of("商家", "类别", "优惠", "有效至", "分会"), rows);
        return new PageFragment(en ? "Discount handbook" : "优惠手册", """
                <p class="lead">%s</p>%s
                <p><a class="button" href="%s">%s</a></p>""".formatted(text(handbook.pointUse()), list,
                request.pageUrl("/handbook") + "?scope=" + other.name().toLowerCase(Locale.ROOT),
                otherLabel));
    }
}
