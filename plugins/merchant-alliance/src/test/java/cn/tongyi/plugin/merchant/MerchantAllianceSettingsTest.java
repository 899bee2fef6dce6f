package cn.tongyi.plugin.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.plugin.api.SettingDefinition;
import cn.tongyi.plugin.api.SettingDefinition.SettingType;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MerchantAllianceSettingsTest {

    private final List<SettingDefinition> settings = new MerchantAllianceSettings().settings();

    @Test
    @DisplayName("R-MERCHANT-2: a point code lives 120 seconds unless the head sets 60 to 300")
    void codeLifetime() {
        assertThat(settings).contains(new SettingDefinition("codeLifetimeSeconds", SettingType.INTEGER, "120", "60",
                "300", null, "积分码有效期(秒)", "Point code lifetime (seconds)"));
    }

    @Test
    @DisplayName("R-MEMBER-2: the welcome offer is one line of at most 200 characters, with a working default")
    void welcomeOffer() {
        SettingDefinition offer = settings.stream().filter(s -> s.name().equals("welcomeOffer")).findFirst()
                .orElseThrow();

        assertThat(offer.type()).isEqualTo(SettingType.TEXT);
        assertThat(offer.defaultValue()).matches(offer.pattern()).isEqualTo("新会员到店消费可享会员优惠,积分可抵现");
        assertThat("优".repeat(200)).matches(offer.pattern());
        assertThat("优".repeat(201)).doesNotMatch(offer.pattern());
        assertThat("第一行\n第二行").doesNotMatch(offer.pattern());
        assertThat("").doesNotMatch(offer.pattern());
    }
}
