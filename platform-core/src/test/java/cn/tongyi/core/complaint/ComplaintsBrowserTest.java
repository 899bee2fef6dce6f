package cn.tongyi.core.complaint;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The complaint desk of the staff console, in a real browser (issue 14). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ComplaintsBrowserTest {

    private static final Pattern DETAIL = Pattern.compile(".*/complaints/[0-9a-f-]{36}$");

    @Inject
    LedgerService ledger;

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    @DisplayName("R-COMPLAINT-1: a steward enters a phone complaint, sees its 1-hour contact clock run out in words, "
            + "records the contact late, resolves it within 24 hours, and downloads the complaint ledger")
    void phoneComplaintContactedAndResolved() {
        Api.OnboardedBranch branch = Api.onboardActive("care");
        String code = branch.code();
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        Api.Login steward = Members.stewardLogin(branch, home);
        Members.Registered resident = TimeBank.paidMember(branch, home);

        Page page = Browser.loggedIn(steward.username());
        page.setViewportSize(1280, 900);
        page.navigate(Browser.url("/s/" + code + "/complaints"));
        assertThat(page.locator("main").textContent()).contains("现在没有未办结的投诉");
        field(page, "电话").check();
        field(page, "投诉对象类别").selectOption("SERVICE_ORDER");
        field(page, "对象编号或名称").fill("服务单 12");
        field(page, "投诉人会员编号（不是会员可不填）").fill(resident.memberId());
        field(page, "投诉内容").fill("志工迟到一小时，也没有提前打电话");
        assertNoSeriousAxeViolations(page);
        press(page, "登记投诉");
        page.waitForURL(DETAIL);
        assertThat(page.locator("h1").textContent()).startsWith("投诉 #");
        assertThat(page.getByTestId("contact-clock").textContent()).contains("还剩 60 分钟");
        assertThat(page.getByTestId("resolve-clock").textContent()).contains("还剩 24 小时 0 分钟");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        as(steward.token()).get("/api/branches/" + code + "/complaints/" + id).then().statusCode(200)
                .body("channel", equalTo("PHONE")).body("complainantMemberId", equalTo(resident.memberId()))
                .body("receivedBy", equalTo(steward.username()));

        MovableClock.moveOn(Duration.ofMinutes(70));
        page.navigate(Browser.url("/s/" + code + "/complaints"));
        Locator row = page.getByTestId("complaint-" + id.substring(0, 8));
        assertThat(row.textContent()).contains("⚠ 已超时 10 分钟").contains("志工迟到一小时").contains("电话");
        assertThat(row.locator(".overdue").count()).as("late said in words, with a sign, not by colour alone")
                .isEqualTo(1);
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-complaints");

        row.getByRole(AriaRole.LINK).click();
        field(page, "联系情况").fill("已电话联系投诉人，致歉并说明会调查");
        press(page, "记录联系");
        assertThat(page.getByTestId("contact-clock").textContent()).contains("办好时已超时 10 分钟");
        assertThat(page.getByTestId("contact").textContent()).contains("已电话联系投诉人");
        assertThat(page.getByTestId("resolve-clock").textContent()).contains("还剩 22 小时 50 分钟");
        assertThat(field(page, "志工服务不达标（扣分、停止接单一周、重新培训）").count()).as("a sanction is the head's").isZero();

        field(page, "已协商解决").check();
        field(page, "处理结果").fill("志工当面道歉，投诉人接受");
        press(page, "办结");
        assertThat(page.getByTestId("state").textContent()).isEqualTo("已办结：已协商解决");
        assertThat(page.getByTestId("resolve-clock").textContent()).contains("已按时办好");
        assertNoSeriousAxeViolations(page);
        as(steward.token()).get("/api/branches/" + code + "/complaints/" + id).then().statusCode(200)
                .body("outcome", equalTo("SETTLED")).body("contactOverdue", equalTo(true))
                .body("resolutionOverdue", equalTo(false)).body("resolvedAt", notNullValue());

        page.navigate(Browser.url("/s/" + code + "/complaints"));
        assertThat(page.locator("main").textContent()).contains("现在没有未办结的投诉");
        String ledger = page.getByText("下载投诉处理台账（Excel）").getAttribute("href");
        assertThat(ledger).isEqualTo("/api/branches/" + code + "/complaints/export");
        APIResponse xlsx = page.request().get(Browser.url(ledger));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().get("content-type")).contains("spreadsheetml");
        assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');
        page.context().close();
    }

    @Test
    @DisplayName("R-COMPLAINT-1, R-COMPLAINT-2, R-COMPLAINT-4: a refused form says why in words; the head's sanction "
            + "of a volunteer below standard is recorded; an open redemption dispute is chosen from a list and referred; "
            + "another branch's desk is not found; the desk reads in the 长辈版 and in English")
    void refusalSanctionElderAndEnglish() {
        Api.OnboardedBranch branch = Api.onboardActive("care");
        String code = branch.code();
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        Members.Registered volunteer = TimeBank.volunteer(branch, home, "SHOPPING");
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, code, Api.personId(volunteer.token()),
                Points.of(10), new TransferRequest.Reference("TEST", "seed"), UUID.randomUUID().toString(), "test"));

        Page page = Browser.loggedIn(branch.headUsername());
        page.navigate(Browser.url("/s/" + code + "/complaints"));
        field(page, "当面").check();
        field(page, "投诉对象类别").selectOption("VOLUNTEER");
        field(page, "对象编号或名称").fill(volunteer.memberId());
        field(page, "投诉人会员编号（不是会员可不填）").fill("不是编号");
        field(page, "投诉内容").fill("服务态度差");
        press(page, "登记投诉");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).isEqualTo("会员不存在");

        field(page, "当面").check();
        field(page, "投诉对象类别").selectOption("VOLUNTEER");
        field(page, "对象编号或名称").fill(volunteer.memberId());
        field(page, "投诉内容").fill("服务态度差，买错了药");
        press(page, "登记投诉");
        page.waitForURL(DETAIL);
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        field(page, "联系情况").fill("已上门了解情况");
        press(page, "记录联系");
        field(page, "志工服务不达标（扣分、停止接单一周、重新培训）").check();
        field(page, "处理结果").fill("志工买错药，确属服务不达标");
        assertThat(field(page, "被处理志工的会员编号").inputValue()).isEqualTo(volunteer.memberId());
        field(page, "扣除积分").fill("2");
        press(page, "办结");
        assertThat(page.getByTestId("resolution").textContent()).contains("已扣 2.00 积分").contains("须重新培训");
        as(branch.headToken()).get("/api/branches/" + code + "/complaints/" + id).then().statusCode(200)
                .body("outcome", equalTo("VOLUNTEER_BELOW_STANDARD")).body("penaltyPoints", equalTo(200))
                .body("retrainingRequired", equalTo(true));

        long redeemed = ledger.post(TransferRequest.redemption(code, Api.personId(volunteer.token()), Points.of(3),
                new TransferRequest.Reference("TEST", "shop"), UUID.randomUUID().toString(), "test")).id();
        String dispute = as(volunteer.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("transferId", Ids.transfer(redeemed), "evidence", "米面有质量问题"))
                .post("/api/me/points/disputes").then().statusCode(201).extract().path("id");
        page.navigate(Browser.url("/s/" + code + "/complaints"));
        String handle = "#" + dispute.substring(0, 8);
        assertThat(field(page, "争议").textContent()).contains(handle).contains("3.00 分");
        field(page, "争议").selectOption(dispute);
        field(page, "提交理由").fill("兑换的米面有质量问题，商户不认");
        press(page, "提交监督小组");
        assertThat(page.locator("table[aria-labelledby=referrals]").textContent()).contains(handle)
                .contains("兑换的米面有质量问题，商户不认");
        assertThat(field(page, "争议").locator("option").count()).as("referred once, offered no more").isZero();

        Api.OnboardedBranch other = Api.onboardActive("care");
        assertThat(page.request().get(Browser.url("/s/" + other.code() + "/complaints")).status())
                .as("another branch's desk answers as its API does to this login").isEqualTo(404);
        assertThat(page.request().get(Browser.url("/api/branches/" + other.code() + "/complaints")).status())
                .isEqualTo(404);

        page.getByText("长辈版：未开启").click();
        assertElderMode(page);
        page.getByText("English").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Complaints");
        assertThat(page.locator("main").textContent()).contains("No open complaints.")
                .contains("Download the complaint ledger (Excel)");
        assertNoSeriousAxeViolations(page);
        page.context().close();
    }
}
