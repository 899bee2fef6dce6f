package cn.tongyi.core.service;

import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The volunteer's page of the member app in a real browser, on a phone-sized screen (issue 12). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class VolunteerAppBrowserTest {

    @Test
    @DisplayName("R-SERVICE-3, R-SERVICE-4: a volunteer sees an offer with its 2-hour clock in words, accepts it in "
            + "time and finds it among the services to do; an offer past its clock is refused in words")
    void volunteerAcceptsAnOfferWithinItsClock() {
        Api.OnboardedBranch branch = Api.onboardActive("uivol");
        long building = Members.building(branch, "9号楼");
        String steward = Members.steward(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        Members.Registered resident = TimeBank.paidMember(branch, building);
        OffsetDateTime tomorrow = MovableClock.businessNow().plusDays(1).withNano(0);
        long taken = TimeBank.posted(resident.token(), branch.code(),
                TimeBank.request("SHOPPING", tomorrow, building, 60, false));
        long lapsing = TimeBank.posted(resident.token(), branch.code(),
                TimeBank.request("SHOPPING", tomorrow.plusHours(3), building, 90, false));
        TimeBank.review(steward, branch.code(), taken, true, null).then().statusCode(200);
        MovableClock.moveOn(Duration.ofMinutes(30));
        TimeBank.review(steward, branch.code(), lapsing, true, null).then().statusCode(200);

        Page page = Browser.loggedIn(volunteer.username());
        page.getByText("我来当志愿者").click();
        page.waitForURL("**/m/" + branch.code() + "/volunteer");
        Locator offer = page.getByTestId("offer-" + Ids.request(taken));
        assertThat(offer.getByTestId("time-left").textContent()).contains("还有 1 小时 30 分钟 可以接单");
        assertThat(page.getByTestId("offer-" + Ids.request(lapsing)).getByTestId("time-left").textContent())
                .contains("还有 2 小时 可以接单");
        assertThat(offer.textContent()).contains("代购").contains("60 分钟");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-volunteer-offers");

        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("我来接这一单")).click();
        page.waitForURL("**/volunteer?done=accepted");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("接单成功");
        assertThat(page.getByTestId("offer-" + Ids.request(taken)).count()).isZero();
        assertThat(page.getByTestId("service-" + Ids.request(taken)).getByTestId("status").textContent())
                .isEqualTo("志愿者已接单");
        Api.as(resident.token()).get("/api/branches/" + branch.code() + "/service-requests/" + Ids.request(taken)).then()
                .statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("volunteerMemberId", equalTo(volunteer.memberId()));

        // the page was rendered in time; the tap comes after the clock ran out: the service refuses, in words
        MovableClock.moveOn(Duration.ofHours(2).plusMinutes(1));
        page.getByTestId("offer-" + Ids.request(lapsing)).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("我来接这一单")).click();
        page.waitForURL("**/volunteer?problem=offer-lapsed");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("派单已超时失效");
        assertThat(page.getByTestId("offer-" + Ids.request(lapsing)).count()).isZero();
        Api.as(resident.token()).get("/api/branches/" + branch.code() + "/service-requests/" + Ids.request(lapsing)).then()
                .statusCode(200).body("status", equalTo("OFFERED"));
        page.context().close();
    }

    @Test
    @DisplayName("R-SERVICE-4: the volunteer page in English and in the 长辈版 says the same in the user's words")
    void volunteerPageInEnglishAndElderMode() {
        Api.OnboardedBranch branch = Api.onboardActive("uivolen");
        long building = Members.building(branch, "2号楼");
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");

        Page page = Browser.loggedIn(volunteer.username());
        page.navigate(Browser.url("/m/" + branch.code() + "/volunteer"));
        assertThat(page.locator("main").textContent()).contains("现在没有等您接单的求助");
        page.getByText("English").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Volunteering");
        assertThat(page.locator("main").textContent()).contains("No request is waiting for your answer now.");
        page.getByText("中文").click();
        page.getByText("长辈版：未开启").click();
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        page.context().close();
    }
}
