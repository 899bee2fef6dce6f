package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The steward's day in the staff console, in a real browser (issue 12). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StewardConsoleBrowserTest {

    @Inject
    LedgerService ledger;

    private static com.microsoft.playwright.Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    @DisplayName("R-SERVICE-2, R-SERVICE-3, R-SERVICE-5, R-MEMBER-1, R-MEMBER-3: a steward reviews a request against "
            + "its 30-minute clock, matches a volunteer with the ranking's reasons, enters the paper forms of a "
            + "resident without a phone, and reveals private data only with a recorded reason")
    void stewardReviewsMatchesAndEntersPaperForms() {
        Api.OnboardedBranch branch = Api.onboardActive("console");
        String code = branch.code();
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        long near = TimeBank.buildingAt(branch, "2号楼", 39.9010, 116.4000);
        Api.Login steward = Members.stewardLogin(branch, home);
        Members.Registered resident = TimeBank.paidMember(branch, home);
        Members.Registered volunteer = TimeBank.volunteer(branch, near, "SHOPPING");
        long id = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING",
                MovableClock.businessNow().plusDays(1).withNano(0), home, 60, false));
        MovableClock.moveOn(Duration.ofMinutes(12));

        Page page = Browser.loggedIn(steward.username());
        page.setViewportSize(1280, 900);
        assertThat(page.url()).endsWith("/s/" + code);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("待审核的求助").setExact(true)).first()
                .click();
        assertThat(page.getByTestId("pending-" + Ids.request(id)).textContent()).contains("还剩 18 分钟").contains("代购")
                .contains("王秀英");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-review-queue");

        page.getByTestId("pending-" + Ids.request(id)).getByRole(AriaRole.LINK).click();
        field(page, "审核意见（驳回时请写明理由）").fill("情况属实");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("通过并派单")).click();
        assertThat(page.getByTestId("status").textContent()).isEqualTo("已派单，等志工接单");
        assertThat(page.getByTestId("offer-1").textContent()).contains("有此技能").contains("相距 111 米")
                .contains("0 单未完成").contains("等待接单");
        assertThat(page.getByText("排序依据").isVisible()).isTrue();
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-request-offers");

        TimeBank.accept(volunteer.token(), code, id).then().statusCode(200);
        MovableClock.moveOn(Duration.ofDays(1).plusHours(1));
        page.reload();
        field(page, "验收单编号").fill("YS-" + id);
        field(page, "实际服务时长").selectOption("45");
        field(page, "4 星").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认服务完成")).click();
        assertThat(page.getByTestId("status").textContent()).isEqualTo("已完成");
        as(resident.token()).get("/api/branches/" + code + "/service-requests/" + Ids.request(id)).then()
                .body("actualMinutes", equalTo(45)).body("rating", equalTo(4))
                .body("paperFormNo", equalTo("YS-" + id)).body("credited", equalTo("0.75"));

        page.navigate(Browser.url("/s/" + code + "/members/new"));
        field(page, "登记表编号").fill("HY-" + id);
        field(page, "姓名").fill("李桂兰");
        String idNumber = Members.idNumberOfAge(78);
        field(page, "身份证号").fill(idNumber);
        field(page, "楼栋").selectOption(String.valueOf(home));
        field(page, "单元").fill("3");
        field(page, "住址").fill("3单元 502室");
        assertNoSeriousAxeViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记")).click();
        assertThat(page.locator("h1").textContent()).isEqualTo("李桂兰");
        assertThat(page.getByTestId("id-number").textContent()).doesNotContain(idNumber.substring(6, 14));
        field(page, "查看理由").fill("上门核对登记信息");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看").setExact(true)).click();
        assertThat(page.getByTestId("id-number").textContent()).isEqualTo(idNumber);
        assertThat(page.getByText("这次查看已记录").isVisible()).isTrue();
        as(branch.headToken()).get("/api/branches/" + code + "/pii-access-log").then()
                .body("entries.findAll { it.reason == '上门核对登记信息' }", hasSize(1));

        page.navigate(Browser.url("/s/" + code + "/members"));
        assertThat(page.locator("main").textContent()).contains("李桂兰").doesNotContain(idNumber);
        assertThat(page.getByText("打印积分存折（PDF）").first().getAttribute("href")).endsWith("/passbook.pdf");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-members");

        // the resident pays for the service from her paper point book: the order is chosen from a list, not typed
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, code, Api.personId(resident.token()), Points.of(1),
                new TransferRequest.Reference("TEST", "seed"), UUID.randomUUID().toString(), "test"));
        page.navigate(Browser.url("/s/" + code + "/paper"));
        assertThat(page.locator("main").textContent()).contains("纸质积分本").contains("会员登记表");
        field(page, "支付积分的会员").selectOption(resident.memberId());
        assertThat(field(page, "服务单（已完成、尚可用积分支付的）").textContent()).contains("代购 · 王秀英")
                .contains("可付 0.75 分");
        field(page, "服务单（已完成、尚可用积分支付的）").selectOption(Ids.request(id));
        field(page, "支付的小时数（积分）").fill("0.75");
        field(page, "积分本表单编号").fill("JF-" + id);
        assertNoSeriousAxeViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("录入").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("JF-" + id);
        assertThat(field(page, "服务单（已完成、尚可用积分支付的）").locator("option").count())
                .as("paid in full, no longer offered").isZero();
        as(resident.token()).get("/api/me/points").then().body("points", equalTo("0.25"));
        page.context().close();
    }
}
