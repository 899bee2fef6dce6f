package cn.tongyi.core.activity;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A month of community activities: proposals and votes, the plan, the announcement, the day itself, the summary. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ActivityTest {

    private record Month(Api.OnboardedBranch branch, String steward, Members.Registered member,
            Members.Registered volunteer, YearMonth month, List<String> activityIds) {

        String base() {
            return "/api/branches/" + branch.code() + "/activities";
        }
    }

    private static String propose(Api.OnboardedBranch branch, String token, YearMonth month, String title) {
        return idempotent(token).body(Map.of("title", title, "description", "全楼居民一起参加"))
                .post("/api/branches/" + branch.code() + "/activities/months/" + month + "/proposals").then()
                .statusCode(201).extract().path("id");
    }

    private static Month chosen(String prefix) {
        Api.OnboardedBranch branch = Api.onboardActive(prefix);
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered member = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        YearMonth month = YearMonth.from(MovableClock.businessNow().plusDays(8));
        String base = "/api/branches/" + branch.code() + "/activities";
        String a = propose(branch, member.token(), month, "包饺子");
        String b = propose(branch, member.token(), month, "健康讲座");
        List<String> ids = idempotent(branch.headToken()).body(Map.of("proposalIds", List.of(a, b)))
                .post(base + "/months/" + month + "/choice").then().statusCode(201).extract().path("id");
        return new Month(branch, steward, member, volunteer, month, ids);
    }

    private static Map<String, Object> plan(OffsetDateTime startsAt, long budgetFen) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("startsAt", startsAt.toString());
        plan.put("endsAt", startsAt.plusHours(2).toString());
        plan.put("place", "社区活动室");
        plan.put("program", "包饺子、合影");
        plan.put("materials", "面粉、肉馅、案板");
        plan.put("budgetFen", budgetFen);
        plan.put("sponsorshipFen", 50_000);
        plan.put("sponsor", "好邻居超市");
        return plan;
    }

    @Test
    @DisplayName("R-ACTIVITY-1: members propose and vote (one vote per member per proposal); the head chooses 2–3")
    void proposalsAndVotes() {
        Api.OnboardedBranch branch = Api.onboardActive("actvote");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = TimeBank.paidMember(branch, building);
        YearMonth month = YearMonth.from(MovableClock.businessNow());
        String base = "/api/branches/" + branch.code() + "/activities";
        String a = propose(branch, member.token(), month, "包饺子");
        String b = propose(branch, member.token(), month, "健康讲座");
        String c = propose(branch, member.token(), month, "书法课");

        idempotent(member.token()).post(base + "/proposals/" + b + "/votes").then().statusCode(200)
                .body("votes", equalTo(1));
        idempotent(member.token()).post(base + "/proposals/" + b + "/votes").then().statusCode(200)
                .body("votes", equalTo(1));
        as(member.token()).get(base + "/months/" + month + "/proposals").then().statusCode(200)
                .body("[0].id", equalTo(b)).body("", hasSize(3));
        idempotent(member.token()).body(Map.of("proposalIds", List.of(a, b))).post(base + "/months/" + month
                + "/choice").then().statusCode(403);
        idempotent(branch.headToken()).body(Map.of("proposalIds", List.of(a))).post(base + "/months/" + month
                + "/choice").then().statusCode(400).body("type", equalTo("urn:tongyi:problem:choose-two-or-three"));
        idempotent(branch.headToken()).body(Map.of("proposalIds", List.of(a, b, c))).post(base + "/months/" + month
                + "/choice").then().statusCode(201).body("", hasSize(3));
        idempotent(branch.headToken()).body(Map.of("proposalIds", List.of(a, b))).post(base + "/months/" + month
                + "/choice").then().statusCode(409);
        idempotent(member.token()).post(base + "/proposals/" + a + "/votes").then().statusCode(409);
    }

    @Test
    @DisplayName("R-ACTIVITY-2: a plan has time, place, program, materials and budget; over 2,000 CNY is refused; "
            + "sponsorship is shown and the rest is requested as an expense")
    void plan() {
        Month m = chosen("actplan");
        String activity = m.base() + "/" + m.activityIds().get(0);
        OffsetDateTime start = MovableClock.businessNow().plusDays(8).truncatedTo(ChronoUnit.HOURS);

        idempotent(m.branch().headToken()).body(plan(start, 200_001)).put(activity + "/plan").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tongyi:problem:budget-over-limit"));
        as(m.member().token()).get(activity).then().body("budgetFen", nullValue()).body("place", nullValue());
        idempotent(m.member().token()).body(plan(start, 150_000)).put(activity + "/plan").then().statusCode(403);
        idempotent(m.branch().headToken()).body(plan(start, 150_000)).put(activity + "/plan").then().statusCode(200)
                .body("budgetFen", equalTo(150_000)).body("sponsorshipFen", equalTo(50_000))
                .body("sponsor", equalTo("好邻居超市"));
        String expense = idempotent(m.branch().headToken()).body(Map.of("payee", "好邻居超市"))
                .post(activity + "/expense").then().statusCode(200).body("expenseId", notNullValue())
                .extract().path("expenseId");
        as(m.branch().headToken()).get("/api/branches/" + m.branch().code() + "/finance/expenses/" + expense).then()
                .statusCode(200).body("amountFen", equalTo(100_000)).body("item", equalTo("OPERATIONS"));
    }

    @Test
    @DisplayName("R-ACTIVITY-3: announced at least 7 days ahead into the members' inboxes; each building's solitary "
            + "elderly are listed for their steward, who records the invitation in person")
    void announcement() {
        Month m = chosen("actann");
        String activity = m.base() + "/" + m.activityIds().get(0);
        idempotent(m.branch().headToken()).body(plan(MovableClock.businessNow().plusDays(6), 100_000))
                .put(activity + "/plan").then().statusCode(200);
        idempotent(m.steward()).post(activity + "/announcement").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:announcement-too-late"));
        idempotent(m.branch().headToken()).body(plan(MovableClock.businessNow().plusDays(8), 100_000))
                .put(activity + "/plan").then().statusCode(200);
        as(m.steward()).body(Map.of("memberId", m.member().memberId())).put(m.base() + "/solitary-members").then()
                .statusCode(204);

        idempotent(m.steward()).post(activity + "/announcement").then().statusCode(200)
                .body("memberId", hasItem(m.member().memberId())).body("[0].building", equalTo("1号楼"))
                .body("[0].stewards", hasSize(1)).body("[0].invited", equalTo(false));
        as(m.member().token()).get("/api/branches/" + m.branch().code() + "/inbox").then()
                .body("messages.kind", hasItem("ACTIVITY"));
        idempotent(m.steward()).body(Map.of("memberId", m.member().memberId())).post(activity + "/invitations")
                .then().statusCode(200).body("[0].invited", equalTo(true));
        idempotent(m.branch().headToken()).body(plan(MovableClock.businessNow().plusDays(9), 100_000))
                .put(activity + "/plan").then().statusCode(409);
    }

    @Test
    @DisplayName("R-ACTIVITY-4: sign-in by the member or a volunteer on their behalf, satisfaction 1–5 with a comment, "
            + "and a summary within 24 hours after the end, flagged when late")
    void theDayAndTheSummary() {
        Month m = chosen("actday");
        String activity = m.base() + "/" + m.activityIds().get(0);
        OffsetDateTime start = MovableClock.businessNow().plusDays(8);
        idempotent(m.branch().headToken()).body(plan(start, 100_000)).put(activity + "/plan").then().statusCode(200);
        idempotent(m.steward()).post(activity + "/announcement").then().statusCode(200);
        idempotent(m.member().token()).post(activity + "/sign-ins").then().statusCode(409);

        MovableClock.moveOn(Duration.ofDays(8).plusMinutes(5));
        idempotent(m.member().token()).body(Map.of("memberId", m.volunteer().memberId()))
                .post(activity + "/sign-ins").then().statusCode(403);
        String volunteer = Api.login(m.volunteer().username(), Api.PASSWORD);
        idempotent(volunteer).body(Map.of("memberId", m.member().memberId())).post(activity + "/sign-ins").then()
                .statusCode(200).body("signedIn", equalTo(1));
        idempotent(volunteer).post(activity + "/sign-ins").then().statusCode(200).body("signedIn", equalTo(2));
        idempotent(m.member().token()).post(activity + "/sign-ins").then().statusCode(200)
                .body("signedIn", equalTo(2));
        idempotent(m.member().token()).body(Map.of("score", 6)).post(activity + "/feedback").then().statusCode(400);
        idempotent(m.member().token()).body(Map.of("score", 5, "comment", "很开心")).post(activity + "/feedback")
                .then().statusCode(200).body("averageScore", equalTo(5.0f)).body("feedbackCount", equalTo(1));

        MovableClock.moveOn(Duration.ofHours(27));
        as(m.branch().headToken()).get("/api/branches/" + m.branch().code() + "/overdue").then()
                .body("find { it.item == '" + m.activityIds().get(0) + "' }.clock", equalTo("ACTIVITY_SUMMARY"));
        idempotent(m.steward()).body(Map.of("summary", "到场 2 人,满意度 5 分")).post(activity + "/summary").then()
                .statusCode(200).body("summaryLate", equalTo(true)).body("summaryFiledAt", notNullValue());
    }
}
