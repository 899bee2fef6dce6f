package cn.tongyi.core.plugin;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.TestDatabase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The branch head's console in a real browser (issue 12). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class HeadConsoleBrowserTest {

    @Test
    @DisplayName("A head switches a plugin HQ offered on, sees its settings form generated from the plugin's declared "
            + "settings, is told which value is out of range, and saves a valid one")
    void headSwitchesAPluginOn() {
        Api.OnboardedBranch branch = Api.onboardActive("headui");
        String code = branch.code();
        as(Api.admin()).put("/api/admin/plugins/" + PluginJars.TROUBLE + "/offers/" + code).then()
                .statusCode(oneOf(200, 201));

        Page page = Browser.loggedIn(branch.headUsername());
        page.setViewportSize(1280, 900);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("插件").setExact(true)).first().click();
        Locator card = page.getByTestId("plugin-" + PluginJars.TROUBLE);
        assertThat(card.getByTestId("plugin-trouble-switch").textContent()).contains("未开启");
        assertNoSeriousAxeViolations(page);

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("开启")).click();
        card = page.getByTestId("plugin-" + PluginJars.TROUBLE);
        assertThat(page.getByText("插件 trouble 已保存").isVisible()).isTrue();
        assertThat(card.getByTestId("plugin-trouble-switch").textContent()).contains("已开启");
        Locator patience = card.getByLabel("耐心(秒)");
        assertThat(patience.getAttribute("type")).isEqualTo("number");
        assertThat(patience.getAttribute("min")).isEqualTo("1");
        assertThat(patience.getAttribute("max")).isEqualTo("120");
        assertThat(patience.inputValue()).isEqualTo("30");
        assertThat(card.getByLabel("口号").inputValue()).isEqualTo("互助");
        assertThat(card.getByLabel("事件处理失败").locator("option:checked").textContent()).isEqualTo("否");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-plugins");

        patience.evaluate("input => { input.removeAttribute('max'); input.value = '500'; }");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存设置")).click();
        assertThat(page.getByRole(AriaRole.ALERT).first().textContent()).isNotBlank();
        assertThat(page.getByTestId("plugin-trouble").getByLabel("耐心(秒)").getAttribute("aria-invalid"))
                .isEqualTo("true");
        as(branch.headToken()).get("/api/branches/" + code + "/plugins/trouble").then()
                .body("settings.find { it.name == 'patience' }.value", equalTo("30"));

        page.getByTestId("plugin-trouble").getByLabel("耐心(秒)").fill("45");
        page.getByTestId("plugin-trouble").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("保存设置")).click();
        assertThat(page.getByTestId("plugin-trouble").getByLabel("耐心(秒)").inputValue()).isEqualTo("45");
        as(branch.headToken()).get("/api/branches/" + code + "/plugins/trouble").then()
                .body("enabled", equalTo(true))
                .body("settings.find { it.name == 'patience' }.value", equalTo("45"));

        String[][] consoles = {{"setup", "筹建清单"}, {"staff", "工作人员"}, {"buildings", "楼栋"}};
        for (String[] console : consoles) {
            page.navigate(Browser.url("/s/" + code + "/" + console[0]));
            assertThat(page.locator("h1").textContent()).isEqualTo(console[1]);
            assertNoSeriousAxeViolations(page);
        }
        assertThat(page.locator("main").textContent()).contains("新增楼栋");
        page.context().close();
    }
}
