package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The printed passbook (积分存折) of members without a phone, and the ranking's reasons of a request's offers. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PassbookTest {

    private static final String DATE = "\\d{4}-\\d\\d-\\d\\d";

    @Inject
    LedgerService ledger;

    @Test
    @DisplayName("R-LEDGER-4: the printed passbook lists each entry's date, service, hours in and out and the running "
            + "balance, in Chinese; the building's stewards, the head and finance print it, other stewards do not")
    void printedPassbook() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("passbook");
        long home = Members.building(branch, "3号楼");
        String steward = Members.steward(branch, home);
        Members.Registered resident = TimeBank.paidMember(branch, home);
        Members.Registered volunteer = TimeBank.volunteer(branch, home, "SHOPPING");
        ledger.post(TransferRequest.issue(TransferKind.BIRTHDAY, branch.code(), Api.personId(resident.token()),
                Points.of(2), null, "test:" + UUID.randomUUID(), "test"));
        TimeBank.completed(branch, steward, resident, volunteer, 60, true);
        String path = "/api/branches/" + branch.code() + "/members/" + resident.memberId() + "/passbook.pdf";

        String text = pdfText(as(steward).get(path).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray());
        assertThat(text).contains("积分存折").contains("户名:王秀英").contains("3号楼 2单元")
                .contains("日期").contains("摘要").contains("存入(小时)").contains("支出(小时)").contains("余额")
                .containsPattern(DATE + " 生日积分 2\\.00 2\\.00")
                .containsPattern(DATE + " 接受服务:代购 1\\.00 1\\.00")
                .contains("合计 2.00 1.00 1.00");
        assertThat(text.indexOf("生日积分")).isLessThan(text.indexOf("接受服务"));
        assertThat(pdfText(as(branch.headToken()).get(path).then().statusCode(200).extract().asByteArray()))
                .contains("户名:王秀英");
        assertThat(pdfText(as(Api.staff(branch, "FINANCE")).get(path).then().statusCode(200).extract()
                .asByteArray())).contains("户名:王**").contains("接受服务:代购");

        String volunteerBook = pdfText(as(steward).get("/api/branches/" + branch.code() + "/members/"
                + volunteer.memberId() + "/passbook.pdf").then().statusCode(200).extract().asByteArray());
        assertThat(volunteerBook).containsPattern(DATE + " 提供服务:代购 1\\.00 1\\.00");

        as(Members.steward(branch, Members.building(branch, "4号楼"))).get(path).then().statusCode(404);
        as(resident.token()).get(path).then().statusCode(403);
        as(steward).get("/api/branches/" + branch.code() + "/members/" + UUID.randomUUID() + "/passbook.pdf")
                .then().statusCode(404);
    }

    @Test
    @DisplayName("R-SERVICE-3: stewards read whom a request was offered to, with the ranking's reasons per volunteer "
            + "and each offer's status")
    void offersWithReasons() {
        Api.OnboardedBranch branch = Api.onboardActive("reasons");
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        long near = TimeBank.buildingAt(branch, "2号楼", 39.9010, 116.4000);
        String steward = Members.steward(branch, home);
        Members.Registered resident = TimeBank.paidMember(branch, home);
        Members.Registered skilled = TimeBank.volunteer(branch, near, "SHOPPING");
        Members.Registered unskilled = TimeBank.volunteer(branch, home, "REPAIR");
        long id = TimeBank.posted(resident.token(), branch.code(), TimeBank.request("SHOPPING",
                MovableClock.businessNow().plusDays(1).withNano(0), home, 60, false));
        String path = "/api/branches/" + branch.code() + "/service-requests/" + Ids.request(id) + "/offers";
        as(steward).get(path).then().statusCode(200).body("offers", hasSize(0));
        TimeBank.review(steward, branch.code(), id, true, null).then().statusCode(200);
        TimeBank.accept(skilled.token(), branch.code(), id).then().statusCode(200);

        as(steward).get(path).then().statusCode(200)
                .body("rankedBy", equalTo(VolunteerRanking.EXPLANATION))
                .body("offers.volunteerMemberId", contains(skilled.memberId(), unskilled.memberId()))
                .body("offers.rank", contains(1, 2))
                .body("offers.skillMatch", contains(true, false))
                .body("offers[0].metres", equalTo(111)).body("offers[1].metres", equalTo(0))
                .body("offers.openOrders", contains(0, 0))
                .body("offers.status", contains("ACCEPTED", "WITHDRAWN"))
                .body("offers[0].volunteerName", equalTo("王秀英"))
                .body("offers[0].expiresAt", notNullValue());
        as(branch.headToken()).get(path).then().statusCode(200).body("offers", hasSize(2));
        as(resident.token()).get(path).then().statusCode(403);
        as(steward).get("/api/branches/" + branch.code() + "/service-requests/" + Ids.request(id + 1000)
                + "/offers").then().statusCode(404);
        as(steward).get("/api/branches/" + branch.code() + "/service-requests/" + id + "/offers").then()
                .statusCode(404).body("type", equalTo("urn:tongyi:problem:request-not-found"));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }
}
