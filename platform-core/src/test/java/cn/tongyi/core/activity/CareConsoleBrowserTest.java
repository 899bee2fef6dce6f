package cn.tongyi.core.activity;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The community-care pages of the staff console (incidents, activities), in a real browser (issue 14). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class CareConsoleBrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    private static String typed(OffsetDateTime time) {
        return FIELD.format(time.atZoneSameInstant(SHANGHAI));
    }

    @Test
    @DisplayName("R-INCIDENT-1, R-INCIDENT-2, R-INCIDENT-3: a steward reports an incident during a service order, "
            + "records the arrival and the 120 call with their times in words, sees the 24-hour report clock; the "
            + "head records the emergency-fund advance and its reimbursement in yuan (more than the advance is "
            + "refused in words) and files the report on time")
    void incidentReportedWithArrivalAnd120() {
        Api.OnboardedBranch branch = Api.onboardActive("care");
        String code = branch.code();
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        Api.Login steward = Members.stewardLogin(branch, home);
        Members.Registered resident = TimeBank.paidMember(branch, home);
        long order = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING",
                MovableClock.businessNow().plusDays(1).withNano(0), home, 60, false));
        OffsetDateTime occurred = MovableClock.businessNow().minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);

        Page page = Browser.loggedIn(steward.username());
        page.setViewportSize(1280, 900);
        page.navigate(Browser.url("/s/" + code + "/incidents"));
        assertThat(page.locator("main").textContent()).contains("没有事故记录");
        assertThat(field(page, "服务单").textContent()).contains("代购 · 王秀英");
        field(page, "服务单").selectOption(Ids.request(order));
        field(page, "发生时间").fill(typed(occurred));
        field(page, "地点").fill("3号楼 2单元 楼道");
        field(page, "经过").fill("陪同下楼时老人踩空摔倒");
        field(page, "伤情").fill("右手腕肿痛，意识清楚");
        field(page, "受伤会员编号（不是会员可不填）").fill(resident.memberId());
        assertNoSeriousAxeViolations(page);
        press(page, "立即登记");
        page.waitForURL(Pattern.compile(".*/incidents/[0-9a-f-]{36}$"));
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.getByTestId("arrival").textContent()).isEqualTo("尚未记录");
        assertThat(page.getByTestId("report-clock").textContent()).contains("还剩 24 小时 0 分钟");
        assertThat(page.getByTestId("injured").textContent()).isEqualTo("王秀英（" + resident.memberId()
                .substring(0, 8) + "）");

        field(page, "拨打 120 时间").fill(typed(occurred.plusMinutes(5)));
        press(page, "记录时间");
        assertThat(page.getByTestId("ambulance").textContent()).isEqualTo(
                typed(occurred.plusMinutes(5)).replace('T', ' ') + "，事发后 5 分钟");
        field(page, "楼长到场时间").fill(typed(occurred.plusMinutes(12)));
        press(page, "记录时间");
        assertThat(page.getByTestId("arrival").textContent()).endsWith("，事发后 12 分钟");
        assertThat(page.getByText("应急金垫付医疗费").count()).as("the fund is finance's and the head's").isZero();
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-incident");
        as(steward.token()).get("/api/branches/" + code + "/incidents/" + id).then().statusCode(200)
                .body("serviceRequestId", equalTo(Ids.request(order))).body("injuredMemberId", equalTo(resident.memberId()))
                .body("stewardArrivedBy", equalTo(steward.username())).body("ambulanceCalledAt", notNullValue())
                .body("reportOverdue", equalTo(false));
        page.navigate(Browser.url("/s/" + code + "/incidents"));
        assertThat(page.getByTestId("incident-" + id.substring(0, 8)).textContent()).contains("事发后 12 分钟")
                .contains("事发后 5 分钟").contains("还剩 24 小时");
        page.getByText("长辈版：未开启").click();
        assertElderMode(page);
        page.context().close();

        Page head = Browser.loggedIn(branch.headUsername());
        head.navigate(Browser.url("/s/" + code + "/incidents/" + id));
        field(head, "金额（元）").first().fill("1500.50");
        head.locator("#advance-reference").fill("JZ-2026-001");
        press(head, "记录垫付");
        assertThat(head.getByTestId("outstanding").textContent()).isEqualTo("1500.50 元");
        as(branch.headToken()).get("/api/branches/" + code + "/incidents/" + id).then()
                .body("outstandingAdvanceFen", equalTo(150050)).body("fundMovements[0].kind", equalTo("ADVANCE"));
        field(head, "金额（元）").nth(1).fill("2000");
        head.locator("#reimbursement-reference").fill("LP-2026-001");
        press(head, "记录归还");
        assertThat(head.getByRole(AriaRole.ALERT).textContent()).isEqualTo("报销金额超过未偿还的垫付");
        field(head, "金额（元）").nth(1).fill("1500.50");
        head.locator("#reimbursement-reference").fill("LP-2026-001");
        press(head, "记录归还");
        assertThat(head.getByTestId("outstanding").textContent()).isEqualTo("0.00 元");
        field(head, "事故原因").fill("楼道灯坏，台阶边缘无防滑条");
        field(head, "改进措施").fill("报修楼道灯，加装防滑条；陪同下楼时走在老人下方");
        press(head, "提交报告");
        assertThat(head.getByTestId("report-clock").textContent()).contains("已按时办好");
        as(branch.headToken()).get("/api/branches/" + code + "/incidents/" + id).then()
                .body("outstandingAdvanceFen", equalTo(0)).body("reportFiledAt", notNullValue())
                .body("reportOverdue", equalTo(false));
        head.context().close();
    }

    @Test
    @DisplayName("R-ACTIVITY-1, R-ACTIVITY-2, R-ACTIVITY-3, R-ACTIVITY-4: the head chooses 2 of the month's proposals, plans one "
            + "(a budget over 2,000.00 is refused in words), announces it; the steward records the solitary "
            + "member's invitation, signs them in, and files the summary flagged late (R-ACTIVITY-4); the page reads "
            + "in the 长辈版 and in English")
    void activityPlannedAnnouncedAndInvitationRecorded() {
        Api.OnboardedBranch branch = Api.onboardActive("care");
        String code = branch.code();
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        Api.Login steward = Members.stewardLogin(branch, home);
        Members.Registered proposer = TimeBank.paidMember(branch, home);
        Members.Registered solitary = TimeBank.paidMember(branch, home);
        String month = YearMonth.from(MovableClock.businessNow().atZoneSameInstant(SHANGHAI)).toString();
        String activities = "/api/branches/" + code + "/activities";
        String chess = idempotent(proposer.token()).body(Map.of("title", "楼下象棋赛", "description", "周末下午在活动室"))
                .post(activities + "/months/" + month + "/proposals").then().statusCode(201).extract().path("id");
        idempotent(proposer.token()).body(Map.of("title", "健康讲座", "description", "请社区医生讲血压"))
                .post(activities + "/months/" + month + "/proposals").then().statusCode(201);
        idempotent(solitary.token()).post(activities + "/proposals/" + chess + "/votes").then().statusCode(200);
        as(branch.headToken()).body(Map.of("memberId", solitary.memberId())).put(activities + "/solitary-members")
                .then().statusCode(204);

        Page page = Browser.loggedIn(branch.headUsername());
        page.setViewportSize(1280, 900);
        page.navigate(Browser.url("/s/" + code + "/activities"));
        assertThat(page.locator("main").textContent()).contains("楼下象棋赛（1 票）").contains("健康讲座（0 票）");
        assertNoSeriousAxeViolations(page);
        page.getByText("楼下象棋赛（1 票）").click();
        page.getByText("健康讲座（0 票）").click();
        press(page, "选定本月活动");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("楼下象棋赛").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/activities/[0-9a-f-]{36}$"));
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.getByTestId("state").textContent()).isEqualTo("待定方案");

        OffsetDateTime starts = MovableClock.businessNow().plusDays(10).truncatedTo(ChronoUnit.HOURS);
        fillPlan(page, starts);
        field(page, "预算（元，不超过 2000 元）").fill("2500");
        press(page, "保存方案");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).isEqualTo("活动预算不得超过 2000 元");
        as(branch.headToken()).get(activities + "/" + id).then().body("budgetFen", equalTo(null));

        assertThat(field(page, "地点").inputValue()).as("a refused plan comes back as typed").isEqualTo("社区活动室");
        assertThat(field(page, "开始时间").inputValue()).isEqualTo(typed(starts));
        page.getByText("English").click();
        // the switch on a refused form leads back to the page the form was on (the form's address takes only POST)
        page.waitForURL(Pattern.compile(".*/activities/" + id + "$"));
        assertThat(page.getByTestId("state").textContent()).isEqualTo("To plan");
        page.getByText("中文").click();
        fillPlan(page, starts);
        field(page, "预算（元，不超过 2000 元）").fill("1800");
        field(page, "赞助金额（元，没有可不填）").fill("300");
        field(page, "赞助方").fill("楼下超市");
        press(page, "保存方案");
        assertThat(page.getByTestId("state").textContent()).isEqualTo("方案已定，待公告");
        assertThat(page.getByTestId("budget").textContent()).isEqualTo("1800.00 元，其中赞助 300.00 元（楼下超市）");
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "staff-activity-plan");
        press(page, "公告");
        assertThat(page.getByRole(AriaRole.ALERT).count()).isZero();
        assertThat(page.getByTestId("state").textContent()).endsWith("已公告");
        assertThat(page.getByTestId("invite-" + solitary.memberId()).textContent()).contains("1号楼")
                .contains(steward.username()).contains("尚未邀请");
        as(branch.headToken()).get(activities + "/" + id).then().body("budgetFen", equalTo(180000))
                .body("sponsorshipFen", equalTo(30000)).body("announcedAt", notNullValue());
        page.context().close();

        Page stewardPage = Browser.loggedIn(steward.username());
        stewardPage.setViewportSize(1280, 900);
        stewardPage.navigate(Browser.url("/s/" + code + "/activities/" + id));
        stewardPage.getByTestId("invite-" + solitary.memberId()).getByRole(AriaRole.BUTTON).click();
        assertThat(stewardPage.getByTestId("invite-" + solitary.memberId()).textContent()).contains("✓ 已邀请");
        assertThat(stewardPage.getByTestId("attendance").textContent()).isEqualTo("已当面邀请 1 人，已签到 0 人");
        as(steward.token()).get(activities + "/" + id).then().body("invited", equalTo(1));
        assertNoSeriousAxeViolations(stewardPage);

        MovableClock.moveOn(Duration.between(MovableClock.businessNow(), starts.plusMinutes(30)));
        stewardPage.reload();
        field(stewardPage, "会员").selectOption(solitary.memberId());
        press(stewardPage, "签到");
        assertThat(stewardPage.getByTestId("attendance").textContent()).isEqualTo("已当面邀请 1 人，已签到 1 人");
        MovableClock.moveOn(Duration.between(MovableClock.businessNow(), starts.plusHours(2 + 26)));
        stewardPage.reload();
        assertThat(stewardPage.getByTestId("summary-clock").textContent()).contains("⚠ 已超时 2 小时");
        field(stewardPage, "活动总结").fill("32 人参加，独居老人 1 人到场");
        press(stewardPage, "提交总结");
        assertThat(stewardPage.getByTestId("summary-clock").textContent()).contains("办好时已超时 2 小时");
        as(steward.token()).get(activities + "/" + id).then().body("signedIn", equalTo(1))
                .body("summaryLate", equalTo(true));

        stewardPage.getByText("长辈版：未开启").click();
        assertElderMode(stewardPage);
        stewardPage.getByText("English").click();
        assertThat(stewardPage.getByTestId("attendance").textContent()).isEqualTo("1 invited in person, 1 signed in");
        assertThat(stewardPage.locator("main").textContent()).contains("Solitary elderly to invite in person")
                .contains("Done late, by 2 h");
        assertNoSeriousAxeViolations(stewardPage);
        stewardPage.context().close();
    }

    private static void fillPlan(Page page, OffsetDateTime starts) {
        field(page, "开始时间").fill(typed(starts));
        field(page, "结束时间").fill(typed(starts.plusHours(2)));
        field(page, "地点").fill("社区活动室");
        field(page, "活动流程").fill("报名、分组、淘汰赛、颁奖");
        field(page, "所需物资").fill("象棋 8 副、奖品");
    }
}
