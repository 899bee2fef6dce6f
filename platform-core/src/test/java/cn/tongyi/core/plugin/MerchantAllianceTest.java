package cn.tongyi.core.plugin;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.EventsDelivered;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The merchant-alliance plugin exactly as Maven built it, loaded by the host into the running platform, switched on
 * in branch A and not in branch B: a merchant of A redeems the points of a member of B through HTTP.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MerchantAllianceTest {

    private static final String MERCHANT = PluginJars.MERCHANT;

    @Inject
    Database database;

    private Api.OnboardedBranch a;
    private Api.OnboardedBranch b;
    private Members.Registered visitor;
    private String merchantToken;
    private String merchantId;

    @BeforeEach
    void aMerchantOfAAndAMemberOfBWithPoints() {
        as(Api.admin()).get("/api/admin/plugins/" + MERCHANT).then()
                .statusCode(org.hamcrest.Matchers.describedAs("the merchant-alliance jar built in "
                        + PluginJars.merchantBuild() + " (./mvnw -B verify builds it first)", equalTo(200)))
                .body("state", equalTo("ACTIVE"));
        a = Api.onboardActive("malla");
        b = Api.onboardActive("mallb");
        PluginSwitch.enable(a, MERCHANT);
        as(Api.admin()).put("/api/admin/plugins/" + MERCHANT + "/offers/" + b.code()).then().statusCode(201);

        String username = Api.newUsername("huaxia");
        merchantId = idempotent(a.headToken()).body(Map.of("name", "华夏超市", "category", "SUPERMARKET",
                        "feeRatePercent", "3.00", "offer", "会员购物满 50 元减 5 元",
                        "validFrom", LocalDate.now().minusDays(30).toString(),
                        "validTo", LocalDate.now().plusYears(1).toString(),
                        "login", Map.of("username", username, "displayName", "华夏超市收银台", "password", Api.PASSWORD)))
                .post(route(a, "/merchants")).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().path("id");
        merchantToken = Api.login(username, Api.PASSWORD);

        long building = Members.building(b, "1号楼");
        String steward = Members.steward(b, building);
        visitor = TimeBank.volunteer(b, building, "SHOPPING");
        TimeBank.completed(b, steward, TimeBank.paidMember(b, building), visitor, 240, false);
        as(visitor.token()).get("/api/me/points").then().statusCode(200).body("points", equalTo("4.00"));
    }

    @Test
    @DisplayName("R-MERCHANT-2, R-LEDGER-2: A's merchant redeems a point code of a member of B, posted once, 3 CNY a "
            + "point; the clearing shows B's member spending in A; B's plugin path answers 404")
    void redemptionAcrossBranches() {
        String code = pointCode(visitor);
        Map<String, Object> purchase = Map.of("code", code, "purchaseFen", 5000, "points", "3");
        String key = UUID.randomUUID().toString();
        Response first = as(merchantToken).header("Idempotency-Key", key).body(purchase).post(route(a, "/redemptions"));
        first.then().statusCode(201)
                .body("points", equalTo("3.00")).body("discountFen", equalTo(900)).body("payFen", equalTo(4100))
                .body("memberHomeBranch", equalTo(b.code()));
        as(merchantToken).header("Idempotency-Key", key).body(purchase).post(route(a, "/redemptions")).then()
                .statusCode(201).body("id", equalTo(first.path("id")));
        idempotent(merchantToken).body(Map.of("code", code, "purchaseFen", 8000, "points", "1"))
                .post(route(a, "/redemptions")).then().statusCode(409).body("type", endsWith("code-used"));
        as(visitor.token()).get("/api/me/points").then().body("points", equalTo("1.00"));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE kind = 'REDEMPTION' "
                + "AND branch_code = ?", a.code())).isOne();

        String month = YearMonth.from(MovableClock.businessNow()).toString();
        List<Map<String, Object>> pairs = as(Api.admin()).queryParam("month", month).get("/api/admin/ledger/clearing")
                .then().statusCode(200).extract().jsonPath().getList("pairs");
        boolean aFirst = a.code().compareTo(b.code()) < 0;
        assertThat(pairs).filteredOn(p -> p.get("branch").equals(aFirst ? a.code() : b.code())
                        && p.get("otherBranch").equals(aFirst ? b.code() : a.code()))
                .singleElement().satisfies(pair -> assertThat(pair)
                        .containsEntry("net", "3.00").containsEntry("owedBy", b.code()).containsEntry("owedTo", a.code()));

        as(b.headToken()).get(route(b, "/merchants")).then().statusCode(404).body("type", endsWith("plugin-not-found"));
        as(merchantToken).body(purchase).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(route(b, "/redemptions")).then().statusCode(404);
    }

    @Test
    @DisplayName("R-MERCHANT-2, R-MERCHANT-5: over the cap, a code shown to someone else, a terminated merchant: a 4xx "
            + "problem and no point moves")
    void refusals() {
        as(merchantToken).body(Map.of("code", pointCode(visitor), "purchaseFen", 5000, "points", "1"))
                .post(route(a, "/redemptions")).then().statusCode(400)
                .body("type", endsWith("idempotency-key-required"));
        as(merchantToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("code", pointCode(visitor), "purchaseFen", 50000, "points", "11"))
                .post(route(a, "/redemptions")).then().statusCode(422).body("type", endsWith("too-many-points"));
        Members.Registered other = Members.registerOnline(b, Members.building(b, "2号楼"));
        as(other.token()).get(route(a, "/point-codes/" + pointCode(visitor) + "/qr.png")).then().statusCode(404);

        as(a.headToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "虚假折扣"))
                .post(route(a, "/merchants/" + merchantId + "/termination")).then().statusCode(200)
                .body("status", equalTo("TERMINATED"));
        as(merchantToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("code", pointCode(visitor), "purchaseFen", 5000, "points", "1"))
                .post(route(a, "/redemptions")).then().statusCode(409).body("type", endsWith("merchant-terminated"));
        as(visitor.token()).get("/api/me/points").then().body("points", equalTo("4.00"));
        as(visitor.token()).get(route(a, "/point-codes/" + pointCode(visitor) + "/qr.png")).then().statusCode(200)
                .contentType("image/png");
    }

    @Test
    @DisplayName("R-MERCHANT-3, R-FIN-1: the month's reconciliation shows the merchant's spending, discounts and 3% fee "
            + "due; the fee received is branch income, once")
    void reconciliationAndFee() {
        idempotent(merchantToken).body(Map.of("code", pointCode(visitor), "purchaseFen", 10000, "points", "2"))
                .post(route(a, "/redemptions")).then().statusCode(201);
        String month = YearMonth.from(MovableClock.businessNow()).toString();
        String finance = Api.staff(a, "FINANCE");
        as(finance).queryParam("month", month).get(route(a, "/reconciliations")).then().statusCode(200)
                .body("find { it.merchantId == '" + merchantId + "' }.spendingFen", equalTo(10000))
                .body("find { it.merchantId == '" + merchantId + "' }.discountFen", equalTo(600))
                .body("find { it.merchantId == '" + merchantId + "' }.feeDueFen", equalTo(300));
        as(finance).queryParam("month", month).get(route(a, "/reconciliations/" + merchantId + "/lines.csv")).then()
                .statusCode(200).contentType(startsWith("text/csv"));
        Map<String, Object> receipt = Map.of("month", month, "receiptNo", "SJ-" + UUID.randomUUID());
        idempotent(finance).body(receipt).post(route(a, "/reconciliations/" + merchantId + "/fee-received")).then()
                .statusCode(201).body("feeFen", equalTo(300));
        idempotent(finance).body(receipt).post(route(a, "/reconciliations/" + merchantId + "/fee-received")).then()
                .statusCode(409).body("type", endsWith("fee-already-received"));
        assertThat(database.count("SELECT count(*) FROM " + "t_" + a.code() + ".branch_income WHERE source = "
                + "'MERCHANT_FEE' AND amount_fen = 300")).isOne();
    }

    @Test
    @DisplayName("R-MERCHANT-4, R-MEMBER-2: the discount handbook lists the active merchant for members of any branch, "
            + "also as a PDF; a member registered in A gets the welcome pack")
    void handbookAndWelcomePack() {
        as(visitor.token()).get(route(a, "/handbook")).then().statusCode(200)
                .body("entries.name", hasItem("华夏超市"));
        as(visitor.token()).get(route(a, "/handbook.pdf")).then().statusCode(200).contentType("application/pdf");

        Members.Registered newcomer = Members.registerOnline(a, Members.building(a, "1号楼"));
        EventsDelivered.until(() -> as(newcomer.token()).get(route(a, "/welcome-pack")).statusCode() == 200);
        as(newcomer.token()).get(route(a, "/welcome-pack")).then().statusCode(200)
                .body("memberId", equalTo(newcomer.memberId()));
    }

    private String pointCode(Members.Registered member) {
        return idempotent(member.token()).post(route(a, "/point-codes")).then().statusCode(201)
                .body("memberId", equalTo(member.memberId())).extract().path("code");
    }

    private static String route(Api.OnboardedBranch branch, String path) {
        return "/api/branches/" + branch.code() + "/plugins/" + MERCHANT + path;
    }
}
