package cn.tongyi.core.member;

import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import cn.tongyi.core.support.MovableClock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import cn.tongyi.web.BusinessClock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The member app in a real browser, on a phone-sized screen (issue 12). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberAppBrowserTest {

    @Test
    @DisplayName("A volunteer logs in, reads the points earned in plain words, and switches the 长辈版 on")
    void balanceInPlainWords() {
        Api.OnboardedBranch branch = Api.onboardActive("ui");
        long building = Members.building(branch, "3号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        TimeBank.completed(branch, steward, resident, volunteer, 90, false);

        Page page = Browser.loggedIn(volunteer.username());

        assertThat(page.url()).endsWith("/m/" + branch.code());
        assertThat(page.getByTestId("balance").textContent()).isEqualTo("1.50 分");
        assertThat(page.locator("main").textContent()).contains("够换 1 小时 30 分钟的上门帮助");
        assertThat(page.locator("body.standard").count()).as("a member of 40 starts without elder mode").isEqualTo(1);
        assertNoSeriousAxeViolations(page);

        page.getByText("长辈版：未开启").click();
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-home");
        page.context().close();
    }

    @Test
    @DisplayName("A member of 72 gets the 长辈版 without asking, and can switch it off")
    void elderModeByDefaultFromSixty() {
        Api.OnboardedBranch branch = Api.onboardActive("ui");
        long building = Members.building(branch, "5号楼");
        Members.Registered elder = Members.registerOnline(branch, building, Members.idNumberOfAge(72), null);
        Members.payFee(branch, elder.memberId(), "TRIAL");

        Page page = Browser.loggedIn(elder.username());

        assertThat(page.getByTestId("balance").textContent()).isEqualTo("0.00 分");
        assertElderMode(page);
        page.getByText("长辈版：已开启").click();
        assertThat(page.locator("body.standard").count()).isEqualTo(1);
        page.context().close();
    }

    @Test
    @DisplayName("R-SERVICE-1, R-SERVICE-5: a resident of 72 asks for help by tapping, and confirms the service with 5 stars")
    void residentAsksForHelpAndConfirmsIt() {
        Api.OnboardedBranch branch = Api.onboardActive("ui");
        long building = Members.building(branch, "7号楼");
        String steward = Members.steward(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        Members.Registered resident = Members.registerOnline(branch, building, Members.idNumberOfAge(72), null);
        Members.payFee(branch, resident.memberId(), "TRIAL");

        Page page = Browser.loggedIn(resident.username());
        page.getByText("请人帮忙").first().click();
        assertThat(page.locator("h1").textContent()).isEqualTo("请人帮忙");
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        page.getByText("代购").click();
        page.getByText("明天").click();
        page.getByText("09:00").click();
        page.getByText("60 分钟").click();
        page.getByText("用免费额度").click();
        Browser.screenshot(page, "member-ask-for-help");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发出求助")).click();

        page.waitForURL("**/requests?done=asked");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("求助已发出");
        assertThat(page.getByTestId("status").first().textContent()).isEqualTo("等管家审核");
        long id = Ids.internal(OpaqueIds.Kind.SERVICE_REQUEST, page.locator("[data-testid^=request-]").first()
                .getAttribute("data-testid").substring("request-".length()));

        TimeBank.review(steward, branch.code(), id, true, null).then().statusCode(200);
        TimeBank.accept(volunteer.token(), branch.code(), id).then().statusCode(200);
        OffsetDateTime startsAt = MovableClock.businessNow().atZoneSameInstant(BusinessClock.ZONE).toLocalDate()
                .plusDays(1).atTime(LocalTime.of(9, 0)).atZone(BusinessClock.ZONE).toOffsetDateTime();
        MovableClock.moveOn(Duration.between(MovableClock.businessNow(), startsAt.plusHours(1)));

        page.reload();
        assertThat(page.getByTestId("status").first().textContent()).isEqualTo("志愿者已接单");
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        page.getByText("5 星 很满意").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认服务已完成")).click();

        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("服务已确认");
        assertThat(page.getByTestId("status").first().textContent()).isEqualTo("已完成");
        assertThat(page.locator("main").textContent()).contains("志愿者得到 1.00 分，您打了 5 星");
        assertElderMode(page);
        Browser.screenshot(page, "member-requests");
        page.context().close();
    }
}
