package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static cn.tongyi.core.support.Browser.assertElderMode;
import static cn.tongyi.core.support.Browser.assertNoSeriousAxeViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Browser;
import cn.tongyi.core.support.Finance;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rest of the member app in a real browser, on a phone-sized screen (issue 12 item 1). */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberPagesBrowserTest {

    /** The member becomes a certified volunteer, as TimeBank.volunteer does for a new member. */
    private static void certify(Api.OnboardedBranch branch, Members.Registered member, String skill) {
        String base = "/api/branches/" + branch.code() + "/volunteers";
        as(member.token()).body(Map.of("skills", List.of(skill))).post(base).then().statusCode(201);
        as(branch.headToken()).body(Map.of("day1", true, "day2", true))
                .put(base + "/" + member.memberId() + "/training").then().statusCode(200);
        as(branch.headToken()).body(Map.of("passed", true))
                .put(base + "/" + member.memberId() + "/scenario-test").then().statusCode(200);
    }

    private static String propose(Api.OnboardedBranch branch, String token, YearMonth month, String title) {
        return idempotent(token).body(Map.of("title", title, "description", "全楼居民一起参加"))
                .post("/api/branches/" + branch.code() + "/activities/months/" + month + "/proposals").then()
                .statusCode(201).extract().path("id");
    }

    private static Map<String, Object> plan(OffsetDateTime startsAt) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("startsAt", startsAt.toString());
        plan.put("endsAt", startsAt.plusHours(2).toString());
        plan.put("place", "社区活动室");
        plan.put("program", "包饺子、合影");
        plan.put("materials", "面粉、肉馅、案板");
        plan.put("budgetFen", 100_000);
        return plan;
    }

    private static Locator button(Locator within, String name) {
        return within.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    @Test
    @DisplayName("R-LEDGER-4, R-LEDGER-6, R-ACTIVITY-1, R-ACTIVITY-3, R-ACTIVITY-4, R-FIN-3, R-LEDGER-7: a "
            + "resident of 66 lands in the 长辈版, reads each points entry in words after a service given and one "
            + "received and questions one, reads and marks the activity notice in the inbox, votes for an activity, "
            + "signs in on the day and rates it, reads the month's published accounts in yuan and the anonymous "
            + "building leaderboard")
    void elderResidentJourney() {
        Api.OnboardedBranch branch = Api.onboardActive("uimem");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        String finance = Api.staff(branch, "FINANCE");
        Members.Registered elder = Members.registerOnline(branch, building, Members.idNumberOfAge(66), null);
        Members.payFee(branch, elder.memberId(), "TRIAL");
        certify(branch, elder, "SHOPPING");
        Members.Registered neighbour = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        TimeBank.completed(branch, steward, neighbour, elder, 90, false);
        TimeBank.completed(branch, steward, elder, volunteer, 60, true);
        Finance.income(finance, branch, "SPACE_RENTAL", 30_000, "ONLINE").then().statusCode(201);

        Page page = Browser.loggedIn(elder.username());
        assertElderMode(page);
        page.getByText("我的积分明细").click();
        page.waitForURL("**/m/" + branch.code() + "/points");
        assertThat(page.getByTestId("balance").textContent()).isEqualTo("0.50 分");
        Locator entries = page.locator("[data-testid^=entry-]");
        assertThat(entries.count()).isEqualTo(2);
        assertThat(entries.nth(0).textContent()).contains("请人帮忙：代购").contains("用掉 1.00 分")
                .contains("这笔之后还有 0.50 分");
        assertThat(entries.nth(1).textContent()).contains("帮邻居服务：代购").contains("得到 1.50 分")
                .contains("这笔之后还有 1.50 分");
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-points");
        as(elder.token()).get("/api/me/points").then().statusCode(200).body("points", equalTo("0.50"));

        // the payment looks wrong to her: she asks about it, in her words
        String paymentId = entries.nth(0).getAttribute("data-testid").substring("entry-".length());
        assertThat(paymentId).as("entries go by opaque ids, not the ledger's sequence").matches("[A-Za-z0-9_-]{22}");
        String day = page.getByTestId("entry-" + paymentId).getByTestId("day").textContent();
        entries.nth(0).getByText("这笔不对？提出疑问").click();
        assertThat(page.locator("#new-dispute").textContent()).isEqualTo(day + " 的一笔积分 · 1.00 分");
        page.getByLabel("哪里不对？请写下您知道的情况（时间、经过、谁可以作证）")
                .fill("代购只用了半小时");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交疑问")).click();
        page.waitForURL("**/disputes?done=sent");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("疑问已提交");
        Locator dispute = page.locator("[data-testid^=dispute-]");
        assertThat(dispute.textContent()).contains(day + " 的一笔积分").contains("1.00 分");
        assertThat(dispute.getByTestId("status").textContent()).isEqualTo("正在核实");
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        as(elder.token()).get("/api/me/points/disputes").then().statusCode(200)
                .body("[0].transferId", equalTo(paymentId)).body("[0].status", equalTo("OPEN"))
                .body("[0].evidence", equalTo("代购只用了半小时"));

        // activities: proposals for the month 8 days ahead, a vote, the head's choice, the plan, the announcement
        YearMonth month = YearMonth.from(MovableClock.businessNow().plusDays(8));
        String dumplings = propose(branch, neighbour.token(), month, "包饺子");
        String talk = propose(branch, neighbour.token(), month, "健康讲座");
        page.navigate(Browser.url("/m/" + branch.code() + "/activities"));
        Locator proposal = page.getByTestId("proposal-" + dumplings);
        assertThat(proposal.getByTestId("votes").textContent()).isEqualTo("已有 0 票");
        button(proposal, "投一票给：包饺子").click();
        page.waitForURL("**/activities?done=voted");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("您的票已投上");
        assertThat(page.getByTestId("proposal-" + dumplings).getByTestId("votes").textContent())
                .isEqualTo("已有 1 票");
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        String base = "/api/branches/" + branch.code() + "/activities";
        as(elder.token()).get(base + "/months/" + month + "/proposals").then().statusCode(200)
                .body("find { it.id == '" + dumplings + "' }.votes", equalTo(1));
        String activity = idempotent(branch.headToken()).body(Map.of("proposalIds", List.of(dumplings, talk)))
                .post(base + "/months/" + month + "/choice").then().statusCode(201).extract()
                .path("find { it.title == '包饺子' }.id");
        OffsetDateTime start = MovableClock.businessNow().plusDays(8);
        idempotent(branch.headToken()).body(plan(start)).put(base + "/" + activity + "/plan").then().statusCode(200);
        idempotent(steward).post(base + "/" + activity + "/announcement").then().statusCode(200);

        page.navigate(Browser.url("/m/" + branch.code()));
        page.getByText("我的消息（1 条未读）").click();
        page.waitForURL("**/m/" + branch.code() + "/inbox");
        Locator notice = page.locator("[data-testid^=message-]").filter(new Locator.FilterOptions()
                .setHasText("社区活动通知"));
        assertThat(notice.textContent()).contains("包饺子").contains("社区活动室");
        assertThat(notice.getByTestId("read-state").textContent()).isEqualTo("● 未读");
        assertNoSeriousAxeViolations(page);
        button(notice, "我看过了").click();
        page.waitForURL("**/inbox#message-*");
        notice = page.locator("[data-testid^=message-]").filter(new Locator.FilterOptions()
                .setHasText("社区活动通知"));
        assertThat(notice.getByTestId("read-state").textContent()).isEqualTo("✓ 已读");
        assertThat(page.locator("[data-testid^=message-]").count()).isEqualTo(1);
        assertElderMode(page);
        Browser.screenshot(page, "member-inbox");
        as(elder.token()).get("/api/branches/" + branch.code() + "/inbox").then().statusCode(200)
                .body("messages.find { it.kind == 'ACTIVITY' }.readAt", org.hamcrest.Matchers.notNullValue());

        // too early to sign in: the service refuses, in words; on the day, it signs the member in
        page.navigate(Browser.url("/m/" + branch.code() + "/activities"));
        Locator planned = page.getByTestId("activity-" + activity);
        assertThat(planned.textContent()).contains("社区活动室").contains("包饺子、合影");
        button(planned, "我到了，签到：包饺子").click();
        page.waitForURL("**/activities?problem=activity-not-running");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("不在签到时间内");
        MovableClock.moveOn(Duration.ofDays(8).plusMinutes(5));
        page.reload();
        button(page.getByTestId("activity-" + activity), "我到了，签到：包饺子").click();
        page.waitForURL("**/activities?done=arrived");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("签到成功");
        assertThat(page.getByTestId("activity-" + activity).getByTestId("signed-in").textContent())
                .isEqualTo("已有 1 人签到");
        planned = page.getByTestId("activity-" + activity);
        assertThat(planned.getByTestId("my-sign-in").textContent()).isEqualTo("✓ 您已签到");
        assertThat(button(planned, "我到了，签到：包饺子").count()).isZero();
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-activities");
        as(elder.token()).get(base + "/" + activity).then().statusCode(200).body("signedIn", equalTo(1));
        planned.getByText("5 星 很满意").click();
        planned.getByLabel("还想说点什么？（可以不填）").fill("饺子很好吃");
        button(planned, "提交评价").click();
        page.waitForURL("**/activities?done=rated");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("您的评价已收到");
        assertThat(page.getByTestId("activity-" + activity).getByTestId("my-rating").textContent())
                .isEqualTo("✓ 谢谢您的评价");
        as(elder.token()).get(base + "/" + activity).then().statusCode(200).body("feedbackCount", equalTo(1))
                .body("averageScore", equalTo(5.0f));

        // the month is over: the finance officer publishes its accounts, the leaderboard job runs on the 5th
        YearMonth over = YearMonth.from(MovableClock.businessNow());
        Finance.today(over.plusMonths(1).atDay(5));
        idempotent(finance).post(Finance.base(branch) + "/disclosures/" + over).then().statusCode(201);
        as(Api.admin()).post("/api/admin/jobs/leaderboard/runs?day=" + over.plusMonths(1).atDay(5)).then()
                .statusCode(200);

        page.navigate(Browser.url("/m/" + branch.code() + "/disclosure"));
        Locator accounts = page.getByTestId("disclosure");
        assertThat(accounts.textContent()).contains(over.getYear() + "年" + over.getMonthValue() + "月 收支")
                .contains("共享空间租赁").contains("300.00 元");
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-disclosure");
        as(elder.token()).get(Finance.base(branch) + "/disclosures").then().statusCode(200)
                .body("month", hasItem(over.toString()));

        page.navigate(Browser.url("/m/" + branch.code() + "/leaderboard"));
        Locator board = page.getByTestId("leaderboard");
        assertThat(board.textContent()).contains("第 1 名").contains("1号楼");
        assertThat(page.locator("main").textContent()).doesNotContain(neighbour.username())
                .doesNotContain(elder.username());
        assertElderMode(page);
        assertNoSeriousAxeViolations(page);
        Browser.screenshot(page, "member-leaderboard");
        as(elder.token()).get("/api/branches/" + branch.code() + "/leaderboard?month=" + over).then()
                .statusCode(200).body("published", equalTo(true)).body("rows[0].building", equalTo("1号楼"));
        page.context().close();
    }

    @Test
    @DisplayName("R-LEDGER-4: a member of 40 reads the points page in standard mode, switches to English and back, "
            + "and sees the volunteer tile only once certified; another branch's pages answer as the API does")
    void englishAndStandardMode() {
        Api.OnboardedBranch branch = Api.onboardActive("uimemen");
        Api.OnboardedBranch other = Api.onboardActive("uimemot");
        long building = Members.building(branch, "2号楼");
        Members.Registered member = TimeBank.paidMember(branch, building);

        Page page = Browser.loggedIn(member.username());
        assertThat(page.locator("body.standard").count()).isEqualTo(1);
        assertThat(page.getByText("我来当志愿者").count()).as("no volunteer tile for a member").isZero();
        assertNoSeriousAxeViolations(page);
        page.navigate(Browser.url("/m/" + branch.code() + "/points"));
        assertThat(page.locator("main").textContent()).contains("还没有积分记录");
        page.getByText("English").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("My points, entry by entry");
        assertThat(page.getByTestId("balance").textContent()).isEqualTo("0.00 points");
        assertThat(page.locator("main").textContent()).contains("No points yet.");
        page.navigate(Browser.url("/m/" + branch.code() + "/leaderboard"));
        assertThat(page.locator("main").textContent()).contains("Not published yet; it will be on 5 ");
        assertNoSeriousAxeViolations(page);
        page.getByText("中文").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("楼栋排行榜");

        certify(branch, member, "SHOPPING");
        Page again = Browser.loggedIn(member.username());
        assertThat(again.getByText("我来当志愿者").count()).as("the volunteer tile once certified").isEqualTo(1);

        // each page against the API it fronts (points: the branch's member-only inbox, as /api/me has no branch)
        Map<String, String> apis = Map.of("points", "/inbox", "inbox", "/inbox", "activities",
                "/activities/months/2026-11", "disclosure", "/finance/disclosures", "leaderboard",
                "/leaderboard?month=2026-11", "volunteer", "/service-requests/offers");
        apis.forEach((path, api) -> {
            int status = again.navigate(Browser.url("/m/" + other.code() + "/" + path)).status();
            int expected = as(member.token()).get("/api/branches/" + other.code() + api).statusCode();
            assertThat(status).as("/m/%s/%s for a member of another branch", other.code(), path)
                    .isEqualTo(expected);
        });
        page.context().close();
        again.context().close();
    }
}
