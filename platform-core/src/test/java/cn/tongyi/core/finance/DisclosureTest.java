package cn.tongyi.core.finance;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.EventsDelivered;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.PluginJars;
import cn.tongyi.core.support.PluginSwitch;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DisclosureTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Inject
    Database database;

    @Test
    @DisplayName("R-FIN-3: last month's income by source and expenses by item are published to the members by the "
            + "10th; the month is frozen; a correction is a new, visible revision")
    void monthlyDisclosure() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("disclose");
        PluginSwitch.enable(branch, PluginJars.TROUBLE);
        long building = Members.building(branch, "1号楼");
        String finance = Api.staff(branch, "FINANCE");
        Members.Registered member = Finance.coCreationMember(branch, building);
        String rental = Finance.income(finance, branch, "SPACE_RENTAL", 30_000, "ONLINE").then().statusCode(201)
                .extract().path("id");
        Finance.paidExpense(branch, finance, Api.staff(branch, "FINANCE"), "OPERATIONS", 8_800);
        YearMonth month = YearMonth.now(BusinessClock.ZONE);
        String path = Finance.base(branch) + "/disclosures/" + month;

        Api.idempotent(finance).post(path).then().statusCode(409).body("type", equalTo(PROBLEM + "month-not-over"));
        Finance.today(month.plusMonths(1).atDay(5));
        as(member.token()).get(path).then().statusCode(404).body("type", equalTo(PROBLEM + "disclosure-not-found"));
        Api.idempotent(finance).post(path).then().statusCode(201).body("revision", equalTo(1))
                .body("late", equalTo(false)).body("figures.totals.incomeFen", equalTo(130_000))
                .body("figures.totals.expensesFen", equalTo(8_800));
        as(member.token()).get(path).then().statusCode(200)
                .body("figures.totals.income.find { it.category == 'MEMBERSHIP_FEE' }.amountFen", equalTo(100_000))
                .body("figures.totals.income.find { it.category == 'SPACE_RENTAL' }.amountFen", equalTo(30_000))
                .body("figures.totals.income.find { it.category == 'MERCHANT_FEE' }.amountFen", equalTo(0))
                .body("figures.totals.expenses.find { it.category == 'OPERATIONS' }.amountFen", equalTo(8_800))
                .body("reason", nullValue());
        as(member.token()).get(Finance.base(branch) + "/disclosures").then().statusCode(200)
                .body("month", hasItem(month.toString()));

        // frozen: nothing more is booked into the month, by the API or straight into the table
        Api.idempotent(finance).body(Map.of("source", "OTHER", "amountFen", 100, "channel", "ONLINE",
                "reference", "LATE-1", "description", "迟到的收入", "receivedOn", month.atDay(20).toString()))
                .post(Finance.base(branch) + "/income").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "month-closed"));
        assertThatThrownBy(() -> database.update("INSERT INTO t_" + branch.code() + ".branch_income (source, amount_fen,"
                + " reference, description, recorded_by, recorded_at, booked_on) VALUES ('OTHER', 1, 'X-1', 'x', 'x',"
                + " now(), ?)", month.atDay(20))).hasMessageContaining("closed");
        assertThat(database.count("SELECT count(*) FROM platform.domain_event WHERE type = 'MonthClosed' AND "
                + "branch_code = ? AND attributes ->> 'month' = ?", branch.code(), month.toString())).isEqualTo(1);
        EventsDelivered.until(() -> as(branch.headToken()).get("/api/branches/" + branch.code()
                + "/plugins/trouble/seen").then().extract().<List<String>>path("type").contains("MonthClosed"));

        // a correction: booked now, into the open month, and shown by a second revision with its reason
        Api.idempotent(finance).body(Map.of("corrects", rental, "amountFen", -10_000, "reason", "租金多记 100 元"))
                .post(Finance.base(branch) + "/corrections").then().statusCode(201);
        Api.idempotent(finance).post(path).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "revision-reason-required"));
        Api.idempotent(finance).body(Map.of("reason", "共享空间租金多记 100 元,已更正")).post(path).then()
                .statusCode(201).body("revision", equalTo(2))
                .body("figures.totals.incomeFen", equalTo(130_000))
                .body("figures.laterCorrections", hasSize(1))
                .body("figures.correctedIncomeFen", equalTo(120_000));
        as(member.token()).get(path).then().body("revision", equalTo(2)).body("revisions", hasSize(2))
                .body("revisions[1].reason", not(nullValue()));
        as(member.token()).queryParam("revision", 1).get(path).then().body("figures.laterCorrections", hasSize(0));
    }

    @Test
    @DisplayName("R-FIN-3: the notice-board PDF is in Chinese and its QR code links to the online version")
    void printableNotice() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("notice");
        String finance = Api.staff(branch, "FINANCE");
        Finance.income(finance, branch, "SPONSORSHIP", 123_456, "ONLINE").then().statusCode(201);
        YearMonth month = YearMonth.now(BusinessClock.ZONE);
        Finance.today(month.plusMonths(1).atDay(3));
        Api.idempotent(finance).post(Finance.base(branch) + "/disclosures/" + month).then().statusCode(201);

        byte[] pdf = as(Api.staff(branch, "STEWARD")).get(Finance.base(branch) + "/disclosures/" + month + "/notice.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("收支公示").contains("赞助:1234.56 元").contains("收入合计:1234.56 元")
                    .contains("会员费:0.00 元").contains("税费:0.00 元");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
            assertThat(link).endsWith("/api/branches/" + branch.code() + "/finance/disclosures/" + month
                    + "?revision=1");
        }
    }

    @Test
    @DisplayName("R-FIN-3, R-COMPLIANCE-1: HQ sees a month not published by the 10th as missing, and one published "
            + "after it as late")
    void missingAndLate() {
        Api.OnboardedBranch missing = Api.onboardActive("missing");
        Api.OnboardedBranch late = Api.onboardActive("late");
        YearMonth month = YearMonth.now(BusinessClock.ZONE);
        LocalDate due = month.plusMonths(1).atDay(10);
        Finance.today(due);
        as(Api.admin()).get("/api/admin/finance/disclosure-flags").then().statusCode(200)
                .body("findAll { it.branch == '" + missing.code() + "' }", hasSize(0));
        Finance.today(due.plusDays(1));
        Api.idempotent(late.headToken()).post(Finance.base(late) + "/disclosures/" + month).then().statusCode(201)
                .body("late", equalTo(true));
        as(Api.admin()).get("/api/admin/finance/disclosure-flags").then().statusCode(200)
                .body("find { it.branch == '" + missing.code() + "' }.flag", equalTo("MISSING"))
                .body("find { it.branch == '" + missing.code() + "' }.month", equalTo(month.toString()))
                .body("find { it.branch == '" + late.code() + "' }.flag", equalTo("LATE"));
        as(missing.headToken()).get("/api/admin/finance/disclosure-flags").then().statusCode(403);
    }
}
