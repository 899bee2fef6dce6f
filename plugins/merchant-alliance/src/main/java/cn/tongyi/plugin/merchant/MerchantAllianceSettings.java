package cn.tongyi.plugin.merchant;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginSettings;
import cn.tongyi.plugin.api.SettingDefinition;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/** What a branch head may set for the merchant alliance in their branch, and the typed reads of it. */
@Extension
public class MerchantAllianceSettings implements PluginSettings {

    private static final String CODE_LIFETIME_SECONDS = "codeLifetimeSeconds";
    private static final String WELCOME_OFFER = "welcomeOffer";

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.integer(CODE_LIFETIME_SECONDS, 120, 60, 300,
                        "积分码有效期(秒)", "Point code lifetime (seconds)"),
                SettingDefinition.text(WELCOME_OFFER, "新会员到店消费可享会员优惠,积分可抵现", "[^\\p{Cntrl}]{1,200}",
                        "新会员欢迎礼包说明(最多 200 字)", "Welcome pack offer for new members (at most 200 characters)"));
    }

    /** How long a point code shown at the till stays good (R-MERCHANT-2). */
    public static Duration codeLifetime(PluginContext context) {
        return Duration.ofSeconds(context.settings().integer(CODE_LIFETIME_SECONDS));
    }

    /** The words of the merchants' joint welcome pack (R-MEMBER-2). */
    public static String welcomeOffer(PluginContext context) {
        return context.settings().text(WELCOME_OFFER);
    }
}
