package cn.tongyi.core.member;

import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
}
