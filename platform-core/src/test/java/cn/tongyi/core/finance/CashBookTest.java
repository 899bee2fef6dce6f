package cn.tongyi.core.finance;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class CashBookTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Inject
    Database database;

    @Test
    @DisplayName("R-FIN-1: membership fees, hand-entered income and paid expenses are in the cash book in fen with "
            + "source or item, reference and who recorded them; totals by source and item; CSV and XLSX exports")
    void cashBook() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("book");
        long building = Members.building(branch, "1号楼");
        String finance = Api.staff(branch, "FINANCE");
        String financeName = as(finance).get("/api/me").then().extract().path("username");
        Members.Registered member = Members.registerOnline(branch, building);
        Members.payFee(branch, member.memberId(), "CO_CREATION");
        Finance.income(finance, branch, "SPACE_RENTAL", 35_000, "ONLINE").then().statusCode(201)
                .body("kind", equalTo("INCOME")).body("category", equalTo("SPACE_RENTAL"))
                .body("amountFen", equalTo(35_000)).body("recordedBy", equalTo(financeName));
        Finance.paidExpense(branch, finance, Api.staff(branch, "FINANCE"), "SITE", 12_345);
        LocalDate today = LocalDate.now(BusinessClock.ZONE);

        List<Map<String, Object>> entries = as(finance).queryParam("from", today.toString())
                .queryParam("to", today.toString()).get(Finance.base(branch) + "/cash-book")
                .then().statusCode(200).extract().path("");
        assertThat(entries).extracting(e -> e.get("kind") + " " + e.get("category") + " " + e.get("amountFen"))
                .containsExactlyInAnyOrder("INCOME MEMBERSHIP_FEE 100000", "INCOME SPACE_RENTAL 35000",
                        "EXPENSE SITE 12345");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("reference")).isNotNull());

        as(branch.headToken()).queryParam("month", today.toString().substring(0, 7))
                .get(Finance.base(branch) + "/totals").then().statusCode(200)
                .body("months[0].totals.incomeFen", equalTo(135_000))
                .body("months[0].totals.expensesFen", equalTo(12_345))
                .body("months[0].totals.netFen", equalTo(122_655))
                .body("months[0].totals.income.find { it.category == 'MEMBERSHIP_FEE' }.amountFen", equalTo(100_000))
                .body("months[0].totals.income.find { it.category == 'SPONSORSHIP' }.amountFen", equalTo(0))
                .body("months[0].totals.expenses.find { it.category == 'SITE' }.amountFen", equalTo(12_345));
        as(finance).queryParam("year", today.getYear()).get(Finance.base(branch) + "/totals").then().statusCode(200)
                .body("totals.incomeFen", equalTo(135_000)).body("months", hasSize(12));

        String csv = new String(as(finance).queryParam("from", today.toString()).queryParam("to", today.toString())
                .queryParam("format", "csv").get(Finance.base(branch) + "/cash-book/export").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("SPACE_RENTAL,35000,350.00").contains("MEMBERSHIP_FEE,100000,1000.00")
                .contains("SITE,12345,123.45");
        byte[] xlsx = as(finance).queryParam("from", today.toString()).queryParam("to", today.toString())
                .queryParam("format", "xlsx").get(Finance.base(branch) + "/cash-book/export").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).contains("Fen");
        }
    }

    @Test
    @DisplayName("R-FIN-1: cash a steward took is outstanding under their name, overdue after its day, until the "
            + "finance officer records the handover; the finance officer's own cash is never outstanding")
    void cashHandover() {
        Api.OnboardedBranch branch = Api.onboardActive("cash");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        String stewardName = as(steward).get("/api/me").then().extract().path("username");
        String stewardId = as(steward).get("/api/me").then().extract().path("id");
        String finance = Api.staff(branch, "FINANCE");
        String member = Members.registerOnPaper(branch, steward, building);
        Api.idempotent(steward).body(Map.of("type", "TRIAL", "channel", "CASH", "receiptNo", "SJ-" + UUID.randomUUID()))
                .post("/api/branches/" + branch.code() + "/members/" + member + "/fees").then().statusCode(201);
        Finance.income(finance, branch, "OTHER", 5_000, "CASH").then().statusCode(201);

        as(finance).get(Finance.base(branch) + "/cash/outstanding").then().statusCode(200)
                .body("holder", equalTo(List.of(stewardName))).body("[0].amountFen", equalTo(10_000))
                .body("[0].overdueFen", equalTo(0));
        MovableClock.moveOn(Duration.ofDays(1));
        List<String> lines = as(finance).get(Finance.base(branch) + "/cash/outstanding").then().statusCode(200)
                .body("[0].overdueFen", equalTo(10_000)).extract().path("[0].lines.incomeId");

        Api.idempotent(branch.headToken()).body(Map.of("holderId", stewardId, "incomeIds", lines))
                .post(Finance.base(branch) + "/cash/handovers").then().statusCode(403);
        Api.idempotent(finance).body(Map.of("holderId", stewardId, "incomeIds", lines))
                .post(Finance.base(branch) + "/cash/handovers").then().statusCode(201)
                .body("amountFen", equalTo(10_000)).body("handedBy", equalTo(stewardName));
        Api.idempotent(finance).body(Map.of("holderId", stewardId, "incomeIds", lines))
                .post(Finance.base(branch) + "/cash/handovers").then().statusCode(422)
                .body("type", equalTo(PROBLEM + "not-outstanding-cash"));
        as(finance).get(Finance.base(branch) + "/cash/outstanding").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @DisplayName("R-FIN-1: zero or negative amounts, fees entered by hand, a future day and a reused reference are "
            + "refused with a problem, and nothing is written")
    void badIncome() {
        Api.OnboardedBranch branch = Api.onboardActive("badincome");
        String finance = Api.staff(branch, "FINANCE");
        for (long bad : new long[] {0, -1}) {
            Finance.income(finance, branch, "OTHER", bad, "ONLINE").then().statusCode(400)
                    .body("errors.field", hasItem("amountFen"));
        }
        Finance.income(finance, branch, "MEMBERSHIP_FEE", 100, "ONLINE").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "source-not-manual"));
        Map<String, Object> body = Map.of("source", "SPONSORSHIP", "amountFen", 100, "channel", "ONLINE",
                "reference", "ZZ-1", "description", "赞助", "receivedOn",
                LocalDate.now(BusinessClock.ZONE).plusDays(2).toString());
        Api.idempotent(finance).body(body).post(Finance.base(branch) + "/income").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "future-date"));
        Map<String, Object> ok = Map.of("source", "SPONSORSHIP", "amountFen", 100, "channel", "ONLINE",
                "reference", "ZZ-1", "description", "赞助");
        Api.idempotent(finance).body(ok).post(Finance.base(branch) + "/income").then().statusCode(201);
        Api.idempotent(finance).body(ok).post(Finance.base(branch) + "/income").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "reference-used"));
        as(Api.staff(branch, "STEWARD")).body(ok).post(Finance.base(branch) + "/income").then().statusCode(403);
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".branch_income")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-FIN-1: a correction is a new line naming the entry it corrects; entries never change (the database "
            + "refuses updates and deletes), and no entry falls below zero")
    void corrections() {
        Api.OnboardedBranch branch = Api.onboardActive("correct");
        String finance = Api.staff(branch, "FINANCE");
        String id = Finance.income(finance, branch, "CUSTOM_SERVICE", 20_000, "ONLINE").then().statusCode(201)
                .extract().path("id");
        Api.idempotent(finance).body(Map.of("corrects", id, "amountFen", -25_000, "reason", "多记"))
                .post(Finance.base(branch) + "/corrections").then().statusCode(422)
                .body("type", equalTo(PROBLEM + "correction-too-large"));
        Api.idempotent(finance).body(Map.of("corrects", id, "amountFen", -5_000, "reason", "多记 50 元"))
                .post(Finance.base(branch) + "/corrections").then().statusCode(201)
                .body("kind", equalTo("INCOME_CORRECTION")).body("corrects", equalTo(id))
                .body("category", equalTo("CUSTOM_SERVICE")).body("amountFen", equalTo(-5_000));
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        as(finance).queryParam("month", today.toString().substring(0, 7)).get(Finance.base(branch) + "/totals")
                .then().body("months[0].totals.incomeFen", equalTo(15_000));
        assertThatThrownBy(() -> database.update("UPDATE t_" + branch.code() + ".branch_income SET amount_fen = 1"))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> database.update("DELETE FROM t_" + branch.code() + ".cash_correction"))
                .hasMessageContaining("immutable");
    }

    @Test
    @DisplayName("R-FIN-1: income a plugin records the way the host's PluginIncome port does (no booking day, no "
            + "channel) is booked on its day, as a merchant fee, in the cash book")
    void pluginIncomeStillLands() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("plugininc");
        database.update("INSERT INTO t_" + branch.code() + ".branch_income (source, amount_fen, reference, description,"
                + " recorded_by, recorded_at) VALUES ('MERCHANT_FEE', 30000, 'merchant-fee:shop-1:2026-11', "
                + "'管理费', 'plugin:merchant-alliance', now()) ON CONFLICT (reference) DO NOTHING");
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        as(branch.headToken()).queryParam("from", today.minusDays(1).toString()).queryParam("to", today.toString())
                .get(Finance.base(branch) + "/cash-book").then().statusCode(200)
                .body("category", equalTo(List.of("MERCHANT_FEE"))).body("[0].channel", equalTo("ONLINE"))
                .body("[0].amountFen", equalTo(30_000));
    }
}
