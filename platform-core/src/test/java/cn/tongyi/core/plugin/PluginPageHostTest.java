package cn.tongyi.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PluginPageHostTest {

    private static final String MERCHANT = "merchant-alliance";

    @Inject
    PluginPageHost pages;

    private static Caller member(Members.Registered member) {
        return new Caller(UUID.fromString(member.memberId()), member.username(), Set.of(BranchRole.MEMBER), false);
    }

    @Test
    @DisplayName("A plugin's pages and menu entries exist only in branches where it is enabled, for the roles each "
            + "page names; anywhere else a page is 404, as for a stranger")
    void onlyWhereEnabled() {
        Api.OnboardedBranch with = Api.onboardActive("pages");
        Api.OnboardedBranch without = Api.onboardActive("nopages");
        PluginSwitch.enable(with, MERCHANT);
        Members.Registered resident = TimeBank.paidMember(with, Members.building(with, "1号楼"));
        Members.Registered stranger = TimeBank.paidMember(without, Members.building(without, "1号楼"));
        BranchCode here = new BranchCode(with.code());
        BranchCode there = new BranchCode(without.code());

        assertThat(pages.menu(here, Audience.MEMBER, Set.of(BranchRole.MEMBER), false))
                .extracting(PluginPageHost.MenuEntry::label, PluginPageHost.MenuEntry::url)
                .contains(org.assertj.core.groups.Tuple.tuple("我的积分码",
                        "/m/" + with.code() + "/plugins/merchant-alliance/point-code"));
        assertThat(pages.menu(here, Audience.STAFF, Set.of(BranchRole.MERCHANT), true))
                .extracting(PluginPageHost.MenuEntry::label).containsExactly("Merchant console");
        assertThat(pages.menu(there, Audience.MEMBER, Set.of(BranchRole.MEMBER), false)).isEmpty();

        PluginPageHost.ShownPage code = pages.show(here, Audience.MEMBER, MERCHANT, "/point-code", Map.of(), false,
                member(resident));
        assertThat(code.title()).isEqualTo("我的积分码");
        assertThat(code.safeHtml()).contains("src=\"data:image/png;base64,").contains("有效至");

        assertThatThrownBy(() -> pages.show(there, Audience.MEMBER, MERCHANT, "/point-code", Map.of(), false,
                member(stranger))).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> pages.show(here, Audience.STAFF, MERCHANT, "/merchant-console", Map.of(), false,
                member(resident))).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> pages.show(here, Audience.MEMBER, MERCHANT, "/no-such-page", Map.of(), false,
                member(resident))).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
