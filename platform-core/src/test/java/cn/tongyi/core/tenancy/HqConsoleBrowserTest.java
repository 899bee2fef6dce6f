package cn.tongyi.core.tenancy;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HQ console in a real browser, on a desktop-sized screen (issue 12, part 3). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class HqConsoleBrowserTest {

    private static Page hq() {
        Page page = Browser.loggedIn("admin", TestDatabase.ADMIN_PASSWORD);
        page.setViewportSize(1280, 900);
        return page;
    }

    @Test
    @DisplayName("HQ onboards a branch and sees it in the list, preparing, with its set-up progress")
    void onboardsABranch() {
        String code = Api.newCode("uihq");
        Page page = hq();
        assertThat(page.url()).endsWith("/hq");
        assertThat(page.locator("h1").textContent()).isEqualTo("分会");
        assertNoSeriousAxeViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("开通分会").setExact(true)).first().click();
        assertThat(page.locator("h1").textContent()).isEqualTo("开通分会");
        assertNoSeriousAxeViolations(page);
        page.getByLabel("分会编码").fill(code);
        page.getByLabel("分会名称").fill("界面测试分会");
        page.getByLabel("地址").fill("北京市朝阳区幸福路 1 号");
        page.getByLabel("登录名").fill(Api.newUsername("head"));
        page.getByLabel("姓名").fill("王分会长");
        page.getByLabel("初始密码").fill(Api.PASSWORD);
        Browser.screenshot(page, "hq-onboard");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开通分会").setExact(true)).click();

        assertThat(page.url()).contains("/hq?onboarded=" + code);
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains(code);
        Locator row = page.getByTestId("branches").locator("tr", new Locator.LocatorOptions().setHasText(code));
        assertThat(row.textContent()).contains("界面测试分会").contains("筹备中").contains("已完成 0 /");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "hq-branches");
        as(Api.admin()).get("/api/admin/branches/" + code).then().statusCode(200);
        page.context().close();
    }

    @Test
    @DisplayName("HQ's console shows the charts of service hours and members per branch, the jobs and their runs, "
            + "plugins, clearing and the calendar, each page free of serious accessibility faults")
    void consolePages() {
        Api.OnboardedBranch branch = Api.onboardActive("uichart");
        as(Api.admin()).post("/api/admin/jobs/branch-figures/runs").then().statusCode(200);
        Page page = hq();

        page.navigate(Browser.url("/hq/charts"));
        assertThat(page.getByTestId("figures").textContent()).contains("测试分会 " + branch.code());
        page.waitForSelector("[data-chart] svg");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "hq-charts");

        page.navigate(Browser.url("/hq/jobs"));
        Locator job = page.getByTestId("jobs").locator("tr", new Locator.LocatorOptions().setHasText("branch-figures"));
        assertThat(job.textContent()).doesNotContain("尚未运行");
        job.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("branch-figures");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "hq-jobs");

        for (String path : new String[] {"/hq/plugins", "/hq/clearing", "/hq/calendar"}) {
            page.navigate(Browser.url(path));
            assertThat(page.locator("h1").count()).isEqualTo(1);
            assertNoSeriousAxeViolations(page);
            Browser.screenshot(page, "hq-" + path.substring(4));
        }
        page.context().close();
    }

    @Test
    @DisplayName("R-COMPLAINT-1, R-FIN-2: HQ's oversight page shows, across branches, a phone complaint past its "
            + "1-hour contact clock and an expense above 500.00 the branch reported, in words")
    void oversight() {
        Api.OnboardedBranch branch = Api.onboardActive("uioversee");
        String complaint = Api.idempotent(Api.staff(branch, "STEWARD"))
                .body(Map.of("channel", "PHONE", "subjectType", "VOLUNTEER", "subjectRef", "3号楼志工",
                        "description", "志工迟到一小时"))
                .post("/api/branches/" + branch.code() + "/complaints").then().statusCode(201).extract().path("id");
        Finance.requestExpense(Api.staff(branch, "FINANCE"), branch, "OPERATIONS", 60_000).then().statusCode(201);
        MovableClock.moveOn(Duration.ofMinutes(61));
        Page page = hq();

        page.navigate(Browser.url("/hq/oversight"));
        assertThat(page.getByTestId("overdue").locator("tr", new Locator.LocatorOptions().setHasText(complaint))
                .textContent()).contains(branch.code()).contains("投诉首次联系（1 小时内）").contains("楼长管家");
        assertThat(page.getByTestId("expenses").locator("tr", new Locator.LocatorOptions()
                .setHasText(branch.code())).textContent()).contains("运营费用").contains("600.00")
                .contains("两位核心团队成员同意").contains("未付款");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "hq-oversight");
        page.context().close();
    }
}
