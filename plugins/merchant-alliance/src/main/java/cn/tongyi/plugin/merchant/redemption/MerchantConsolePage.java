package cn.tongyi.plugin.merchant.redemption;

import static cn.tongyi.plugin.merchant.web.Html.say;
import static cn.tongyi.plugin.merchant.web.Html.text;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PageFragment;
import cn.tongyi.plugin.api.PageRequest;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.agreement.Merchant;
import cn.tongyi.plugin.merchant.agreement.MerchantAccess;
import cn.tongyi.plugin.merchant.agreement.Merchants;
import cn.tongyi.plugin.merchant.web.BusinessMonth;
import cn.tongyi.plugin.merchant.web.Callers;
import cn.tongyi.plugin.merchant.web.Html;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The merchant console in the staff console: a merchant's login sees its agreement and this month's redemptions at
 * its till (members masked); the branch head and finance officer see every merchant's.
 */
public final class MerchantConsolePage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private MerchantConsolePage() {
    }

    public static Page page() {
        return Page.menuEntry(Audience.STAFF, "/merchant-console",
                Set.of(BranchRole.MERCHANT, BranchRole.BRANCH_HEAD, BranchRole.FINANCE), "商户工作台",
                "Merchant console", MerchantConsolePage::render);
    }

    private static PageFragment render(PageRequest request, PluginContext context) {
        boolean en = request.prefersEnglish();
        YearMonth month = request.queryParameter("month").isPresent()
                ? BusinessMonth.parse(request.queryParameter("month"))
                : YearMonth.from(context.time().now().atZoneSameInstant(context.time().zone()));
        Merchants merchants = new Merchants(context);
        boolean bookkeeper = Callers.holdsAny(Callers.of(context), Set.of(BranchRole.BRANCH_HEAD, BranchRole.FINANCE));
        List<Merchant> shown = bookkeeper ? merchants.all() : List.of(MerchantAccess.ofCaller(context, merchants));
        List<RedemptionView> lines = RedemptionLines.of(context, BusinessMonth.of(month, context.time().zone()),
                bookkeeper ? Optional.empty() : Optional.of(shown.get(0).id()));
        String agreements = Html.table(say(en, "商户与协议", "Merchants and their agreements"),
                en ? List.of("Merchant", "Offer", "Valid", "Fee", "Status")
                        : List.of("商户", "优惠", "有效期", "服务费率", "状态"),
                shown.stream().map(m -> List.of(text(m.name()), text(m.offer()),
                        text(m.validFrom() + " – " + m.validTo()), text(m.feeRate().percent() + "%"),
                        text(m.status()))).toList());
        String redemptions = lines.isEmpty()
                ? "<p>" + say(en, "本月还没有积分抵扣。", "No points redeemed this month yet.") + "</p>"
                : Html.table(en ? "Redemptions in " + month : month + " 积分抵扣",
                        en ? List.of("When", "Member", "Points", "Discount", "Paid")
                                : List.of("时间", "会员", "积分", "抵扣", "实付"),
                        lines.stream().map(line -> List.of(
                                text(line.createdAt().atZoneSameInstant(context.time().zone()).format(WHEN)),
                                text(line.memberName()), text(line.points()), text(yuan(line.discountFen())),
                                text(yuan(line.payFen())))).toList());
        long discounts = lines.stream().mapToLong(RedemptionView::discountFen).sum();
        return new PageFragment(en ? "Merchant console" : "商户工作台", agreements + redemptions
                + "<p>" + say(en, "本月抵扣合计:", "Discounts this month: ") + text(yuan(discounts)) + "</p>");
    }

    private static String yuan(long fen) {
        return "¥" + fen / 100 + "." + String.format("%02d", Math.abs(fen % 100));
    }
}
