package cn.tongyi.plugin.merchant.handbook;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.agreement.Merchant;
import cn.tongyi.plugin.merchant.agreement.Merchants;
import cn.tongyi.plugin.merchant.redemption.PointDiscount;
import java.time.LocalDate;
import java.util.List;

/** Puts the handbook together from the merchants open today, here or across the alliance. */
public final class Handbooks {

    private Handbooks() {
    }

    public static Handbook of(PluginContext context, HandbookScope scope, boolean english) {
        LocalDate today = context.time().today();
        String pointUse = PointDiscount.rule(english);
        List<String> branches = scope == HandbookScope.BRANCH
                ? List.of(context.branch())
                : context.alliance().branchesWithThisPlugin();
        List<HandbookEntry> entries = branches.stream()
                .flatMap(branch -> openMerchants(context, branch, today).stream()
                        .map(merchant -> entry(branch, merchant, pointUse, english)))
                .toList();
        return new Handbook(scope, context.branch(), today, pointUse, branches, entries);
    }

    /** This branch's entries, as in its welcome pack. */
    public static List<HandbookEntry> ofBranch(PluginContext context, boolean english) {
        return of(context, HandbookScope.BRANCH, english).entries();
    }

    private static List<Merchant> openMerchants(PluginContext context, String branch, LocalDate today) {
        return branch.equals(context.branch())
                ? new Merchants(context).openOn(today)
                : Merchants.openOn(context.alliance(), branch, today, context.time().zone());
    }

    private static HandbookEntry entry(String branch, Merchant merchant, String pointUse, boolean english) {
        return new HandbookEntry(branch, merchant.id(), merchant.name(), merchant.category(),
                merchant.category().label(english), merchant.offer(), merchant.validTo(), pointUse);
    }
}
