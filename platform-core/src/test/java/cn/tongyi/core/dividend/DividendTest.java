package cn.tongyi.core.dividend;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DividendTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Inject
    Database database;

    @Test
    @DisplayName("R-DIV-1..6: from the locked year's net profit and a frozen snapshot: 60/25/10/5, each member's share "
            + "by contribution (the handbook's 1 + 20 × 2 + 3 × 5 = 56), to the fen; notified with the computation; "
            + "the table and top 10 published; withdrawal or points, once; re-checked by the supervision group")
    void yearlyDividend() {
        Api.OnboardedBranch branch = Api.onboardActive("dividend");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        String finance = Api.staff(branch, "FINANCE");
        int year = LocalDate.now(BusinessClock.ZONE).getYear();

        // A: a co-creation member for 1 year who served 20 hours and referred 3 members (contribution 56)
        Members.Registered a = Finance.coCreationMember(branch, building);
        certify(branch, a);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        for (int minutes : new int[] {480, 480, 240}) {
            TimeBank.completed(branch, steward, resident, a, minutes, false);
        }
        for (int i = 0; i < 3; i++) {
            Members.Registered referred = Members.registerOnline(branch, building, Members.idNumberOfAge(30),
                    a.memberId());
            Members.payFee(branch, referred.memberId(), "TRIAL");
        }
        // B and C: co-creation members for 1 year, nothing else (contribution 1 each)
        Members.Registered b = Finance.coCreationMember(branch, building);
        Members.Registered c = Finance.coCreationMember(branch, building);
        // income 3 × 1,000 + 4 × 100 = 3,400.00 CNY, costs 1,400.00: net profit 2,000.00 CNY
        Finance.paidExpense(branch, finance, Api.staff(branch, "FINANCE"), "STAFF", 50_000);
        String costly = Finance.expense(finance, branch, "SITE", 90_000);
        Finance.approve(branch.headToken(), branch, costly, true).then().statusCode(200);
        Finance.approve(steward, branch, costly, true).then().statusCode(200);
        Finance.invoice(finance, branch, costly);
        Finance.pay(Api.staff(branch, "FINANCE"), branch, costly).then().statusCode(201);
        as(branch.headToken()).body(Map.of("memberIds", List.of(a.memberId(), b.memberId(), c.memberId())))
                .put("/api/branches/" + branch.code() + "/governance/supervision-groups/" + new Quarter(year, 4))
                .then().statusCode(200);
        String base = Finance.base(branch) + "/dividends/" + year;

        Finance.today(LocalDate.of(year + 1, 1, 20));
        Api.idempotent(finance).post(base + "/runs").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "year-not-locked"));
        lockYear(branch, finance, year);
        String runId = Api.idempotent(finance).post(base + "/runs").then().statusCode(201)
                .body("netProfitFen", equalTo(200_000))
                .body("groups.CO_CREATION_MEMBERS", equalTo(120_000))
                .body("groups.FOUNDING_SHAREHOLDERS", equalTo(50_000))
                .body("groups.MUTUAL_AID_FUND", equalTo(20_000)).body("groups.BOARD", equalTo(10_000))
                .body("memberCount", equalTo(3)).body("totalContribution", equalTo(5_800))
                .body("late", equalTo(false)).body("dueBy", equalTo((year + 1) + "-03-15"))
                .extract().path("id");

        // the snapshot, exported to a member of the supervision group: inputs and amounts that add up
        Map<String, Object> shareOfA = as(b.token()).get(base + "/runs/" + runId + "/snapshot").then().statusCode(200)
                .extract().path("shares.find { it.memberId == '" + a.memberId() + "' }");
        assertThat(shareOfA).containsEntry("membershipYears", 1).containsEntry("serviceCentiHours", 2_000)
                .containsEntry("referrals", 3).containsEntry("contribution", 5_600)
                .containsEntry("amountFen", 115_862).containsEntry("remainderFen", 0);
        List<Integer> amounts = as(finance).get(base + "/runs/" + runId + "/snapshot").then().extract()
                .path("shares.amountFen");
        assertThat(amounts).containsExactlyInAnyOrder(115_862, 2_069, 2_069);
        as(c.token()).get(base + "/runs/" + runId + "/verification").then().statusCode(200)
                .body("matches", equalTo(true)).body("membersDiffering", equalTo(0));
        as(resident.token()).get(base + "/runs/" + runId + "/verification").then().statusCode(403);
        String again = Api.idempotent(finance).post(base + "/runs").then().statusCode(201).extract().path("id");
        assertThat(as(finance).get(base + "/runs").then().extract().<List<String>>path("snapshotSha256"))
                .hasSize(2).containsOnly(as(finance).get(base + "/runs").then().extract()
                        .<String>path("[0].snapshotSha256"));

        Api.idempotent(branch.headToken()).post(base + "/runs/" + runId + "/publication").then().statusCode(200)
                .body("publishedBy", equalTo(branch.headUsername()));
        Api.idempotent(finance).post(base + "/runs").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "dividend-published"));
        Api.idempotent(finance).post(base + "/runs/" + again + "/publication").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "dividend-published"));

        // R-DIV-6: the table and the top 10; R-DIV-4: each member told the working behind their amount
        as(resident.token()).get(base).then().statusCode(200).body("netProfitFen", equalTo(200_000))
                .body("groups.MUTUAL_AID_FUND", equalTo(20_000)).body("top10[0].amountFen", equalTo(115_862))
                .body("top10[0].contribution", equalTo("56")).body("top10[0].name", equalTo("王**"));
        as(a.token()).get(base + "/me").then().statusCode(200).body("share.amountFen", equalTo(115_862))
                .body("computation", containsString("= 56"));
        as(a.token()).get("/api/branches/" + branch.code() + "/inbox").then().statusCode(200)
                .body("messages.body", hasItem(containsString("1158.62 元")));
        as(resident.token()).get(base + "/me").then().statusCode(404).body("type", equalTo(PROBLEM + "no-dividend"));

        // R-DIV-5: points once, at 3.00 CNY a point rounded up to the hundredth; or a withdrawal for the bank
        BigDecimal before = new BigDecimal(as(a.token()).get("/api/me/points").then().extract().<String>path("points"));
        choose(a, base, Map.of("choice", "POINTS")).then().statusCode(200).body("centiPoints", equalTo(38_621));
        choose(a, base, Map.of("choice", "POINTS")).then().statusCode(409).body("type", equalTo(PROBLEM + "choice-made"));
        BigDecimal after = new BigDecimal(as(a.token()).get("/api/me/points").then().extract().<String>path("points"));
        assertThat(after.subtract(before)).isEqualByComparingTo("386.21");
        choose(b, base, Map.of("choice", "WITHDRAWAL")).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "bank-account-required"));
        choose(b, base, Map.of("choice", "WITHDRAWAL", "bankAccount", Map.of("name", "王秀英", "bank", "中国银行朝阳支行",
                "accountNo", "6216610100001234567"))).then().statusCode(200).body("accountNoMasked", equalTo("****4567"));
        as(finance).get(base + "/payouts").then().statusCode(200).body("[0].amountFen", equalTo(2_069));
        String batch = new String(as(finance).get(base + "/payouts/batch.csv").then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        assertThat(batch).contains("6216610100001234567").contains("20.69").contains("PLATFORM");
        as(branch.headToken()).get(base + "/payouts/batch.csv").then().statusCode(403);
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".dividend_payout_export")).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".dividend_choice WHERE account_no::text "
                + "LIKE '%6216610100001234567%'")).isZero();
    }

    private static void certify(Api.OnboardedBranch branch, Members.Registered member) {
        String volunteers = "/api/branches/" + branch.code() + "/volunteers";
        as(member.token()).body(Map.of("skills", List.of("SHOPPING"))).post(volunteers).then().statusCode(201);
        as(branch.headToken()).body(Map.of("day1", true, "day2", true))
                .put(volunteers + "/" + member.memberId() + "/training").then().statusCode(200);
        as(branch.headToken()).body(Map.of("passed", true))
                .put(volunteers + "/" + member.memberId() + "/scenario-test").then().statusCode(200);
    }

    private static void lockYear(Api.OnboardedBranch branch, String finance, int year) {
        String path = Finance.base(branch) + "/years/" + year;
        Api.idempotent(finance).contentType("application/pdf").body(Finance.PDF).queryParam("auditor", "某会计师事务所")
                .post(path + "/audit-report").then().statusCode(201);
        Api.idempotent(finance).post(path + "/lock").then().statusCode(200);
    }

    private static Response choose(Members.Registered member, String base,
            Map<String, Object> body) {
        return Api.idempotent(member.token()).body(body).put(base + "/me/choice");
    }
}
