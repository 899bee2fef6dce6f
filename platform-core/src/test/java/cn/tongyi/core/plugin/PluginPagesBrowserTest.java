package cn.tongyi.core.plugin;

import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pages a plugin contributes (plugin API 1.2), in a real browser: the merchant alliance's point code. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PluginPagesBrowserTest {

    private static final String POINT_CODE = "/plugins/merchant-alliance/point-code";

    @Test
    @DisplayName("A member of a branch with the merchant alliance enabled sees the point-code page, a QR code inside "
            + "the member app; in a branch without it the page is 404")
    void pointCodeOnlyWhereEnabled() {
        Api.OnboardedBranch with = Api.onboardActive("uipts");
        Api.OnboardedBranch without = Api.onboardActive("uinopts");
        PluginSwitch.enable(with, "merchant-alliance");
        Members.Registered member = TimeBank.paidMember(with, Members.building(with, "1号楼"));
        Members.Registered stranger = TimeBank.paidMember(without, Members.building(without, "1号楼"));

        Page page = Browser.loggedIn(member.username());
        assertThat(page.locator("main a[href='/m/" + with.code() + POINT_CODE + "']").count())
                .as("the member app links to the point code").isPositive();
        Response shown = page.navigate(Browser.url("/m/" + with.code() + POINT_CODE));

        assertThat(shown.status()).isEqualTo(200);
        assertThat(page.locator("h1").textContent()).isEqualTo("我的积分码");
        assertThat(page.getByAltText("积分码二维码").getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(page.locator("main figcaption").textContent()).contains("有效至");
        assertThat(page.locator("main script").count()).as("nothing of the plugin runs").isZero();
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-point-code");
        page.navigate(Browser.url("/m/" + with.code() + "/plugins/merchant-alliance/handbook"));
        assertThat(page.locator("h1").textContent()).isEqualTo("优惠手册");
        assertNoSeriousAxeViolations(page);
        page.context().close();

        Page head = Browser.loggedIn(with.headUsername());
        head.setViewportSize(1280, 900);
        assertThat(head.navigate(Browser.url("/s/" + with.code() + "/plugins/merchant-alliance/merchant-console"))
                .status()).isEqualTo(200);
        assertThat(head.locator("h1").textContent()).isEqualTo("商户工作台");
        assertThat(head.locator("main").textContent()).contains("本月还没有积分抵扣");
        assertNoSeriousAxeViolations(head);
        Browser.screenshot(head, "staff-merchant-console");
        head.context().close();

        Page elsewhere = Browser.loggedIn(stranger.username());
        assertThat(elsewhere.locator("main a[href$='" + POINT_CODE + "']").count())
                .as("no link where the plugin is off").isZero();
        Response missing = elsewhere.navigate(Browser.url("/m/" + without.code() + POINT_CODE));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(elsewhere.locator("main").textContent()).doesNotContain("积分码二维码");
        assertNoSeriousAxeViolations(elsewhere);
        elsewhere.context().close();
    }
}
