package cn.tongyi.plugin.merchant.code;

import static cn.tongyi.plugin.merchant.web.Html.say;
import static cn.tongyi.plugin.merchant.web.Html.text;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PageFragment;
import cn.tongyi.plugin.api.PageRequest;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.web.Callers;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Set;

/**
 * The member's point code as a QR code (R-MERCHANT-2), to show at a merchant's till: each opening issues a fresh
 * single-use code, shown inline (no second request, no cached image) with the time it stops working.
 */
public final class PointCodePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PointCodePage() {
    }

    public static Page page() {
        return Page.menuEntry(Audience.MEMBER, "/point-code", Set.of(BranchRole.MEMBER), "我的积分码", "My point code",
                PointCodePage::render);
    }

    private static PageFragment render(PageRequest request, PluginContext context) {
        boolean en = request.prefersEnglish();
        IssuedCode code = new PointCodes(context).issue(Callers.of(context).personId());
        String qr = Base64.getEncoder().encodeToString(QrCodes.png(code.code()));
        String until = code.expiresAt().atZoneSameInstant(context.time().zone()).format(TIME);
        return new PageFragment(en ? "My point code" : "我的积分码", """
                <p class="lead">%s</p>
                <figure class="qr"><img src="data:image/png;base64,%s" width="320" height="320" alt="%s">
                <figcaption>%s <time>%s</time></figcaption></figure>
                <p>%s <code>%s</code></p>
                <p><a class="button" href="%s">%s</a> <a class="button" href="%s">%s</a></p>""".formatted(
                say(en, "在联盟商家结账时出示此码,积分即可抵扣。", "Show this code at an alliance merchant's till to pay "
                        + "with points."),
                qr, say(en, "积分码二维码", "Point code as a QR code"),
                say(en, "有效至", "Good until"), text(until),
                say(en, "扫不出时,请收银员输入:", "If it does not scan, the cashier may type:"), text(code.code()),
                request.pageUrl("/point-code"), say(en, "换一个新码", "Get a new code"),
                request.pageUrl("/handbook"), say(en, "看看哪些商家有优惠", "See the merchants' offers")));
    }
}
