package cn.tongyi.core.finance;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class YearLockTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Inject
    Database database;

    @Test
    @DisplayName("R-FIN-5: net profit = income − costs (staff, site, technology, operations) − taxes; after the audit "
            + "report is attached the year is locked: nothing is added to it, and a correction goes into the next "
            + "year, visibly")
    void yearlyResultAndLock() {
        Api.OnboardedBranch branch = Api.onboardActive("yearlock");
        long building = Members.building(branch, "1号楼");
        String finance = Api.staff(branch, "FINANCE");
        String payer = Api.staff(branch, "FINANCE");
        Finance.coCreationMember(branch, building);
        String rental = Finance.income(finance, branch, "SPACE_RENTAL", 40_000, "ONLINE").then().statusCode(201)
                .extract().path("id");
        Finance.paidExpense(branch, finance, payer, "STAFF", 30_000);
        Finance.paidExpense(branch, finance, payer, "TECHNOLOGY", 12_000);
        Finance.paidExpense(branch, finance, payer, "TAX", 5_000);
        int year = LocalDate.now(BusinessClock.ZONE).getYear();
        String path = Finance.base(branch) + "/years/" + year;

        Api.idempotent(finance).post(path + "/lock").then().statusCode(409).body("type", equalTo(PROBLEM + "year-not-over"));
        Finance.today(LocalDate.of(year + 1, 1, 20));
        as(finance).get(path).then().statusCode(200).body("locked", equalTo(false))
                .body("result.incomeFen", equalTo(140_000)).body("result.costsFen", equalTo(42_000))
                .body("result.taxesFen", equalTo(5_000)).body("result.netProfitFen", equalTo(93_000));
        Api.idempotent(finance).post(path + "/lock").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "audit-report-missing"));
        Api.idempotent(finance).contentType("application/pdf").body(Finance.JPEG).queryParam("auditor", "某会计师事务所")
                .post(path + "/audit-report").then().statusCode(415);
        Api.idempotent(finance).contentType("application/pdf").body(Finance.PDF).queryParam("auditor", "某会计师事务所")
                .post(path + "/audit-report").then().statusCode(201).body("auditor", equalTo("某会计师事务所"));
        Api.idempotent(branch.headToken()).post(path + "/lock").then().statusCode(200).body("locked", equalTo(true))
                .body("result.netProfitFen", equalTo(93_000)).body("auditReport.sha256", equalTo(
                        UploadedFile.sha256(Finance.PDF)));
        as(finance).queryParam("year", year).get(Finance.base(branch) + "/months").then().body("", hasSize(12));
        Api.idempotent(finance).post(path + "/lock").then().statusCode(409).body("type", equalTo(PROBLEM + "year-locked"));

        Api.idempotent(finance).body(Map.of("source", "OTHER", "amountFen", 100, "channel", "ONLINE", "reference",
                "LATE-" + year, "description", "补记", "receivedOn", year + "-12-31"))
                .post(Finance.base(branch) + "/income").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "year-locked"));
        assertThatThrownBy(() -> database.update("INSERT INTO t_" + branch.code() + ".branch_income (source, amount_fen,"
                + " reference, description, recorded_by, recorded_at, booked_on) VALUES ('OTHER', 1, 'Y-1', 'y', 'y',"
                + " now(), ?)", LocalDate.of(year, 6, 1))).hasMessageContaining("closed");

        Api.idempotent(finance).body(Map.of("corrects", rental, "amountFen", -4_000, "reason", "上年租金多记"))
                .post(Finance.base(branch) + "/corrections").then().statusCode(201)
                .body("bookedOn", equalTo(LocalDate.of(year + 1, 1, 20).toString()));
        as(finance).get(path).then().body("result.netProfitFen", equalTo(93_000));
        as(finance).get(Finance.base(branch) + "/years/" + (year + 1)).then().statusCode(200)
                .body("result.correctionsOfEarlierYears", hasSize(1))
                .body("result.correctionsOfEarlierYears[0].corrects", equalTo(rental))
                .body("result.incomeFen", equalTo(-4_000));
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".finance_year")).isEqualTo(1);
    }
}
