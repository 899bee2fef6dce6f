package cn.tongyi.core.complaint;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The complaint ledger: intake, the two clocks, outcomes applied through the existing services, the XLSX export. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ComplaintTest {

    @Inject
    LedgerService ledger;

    private static String complaints(Api.OnboardedBranch branch) {
        return "/api/branches/" + branch.code() + "/complaints";
    }

    private static Map<String, Object> complaint(String channel, String subjectType, String subjectRef,
            String complainant) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("subjectType", subjectType);
        body.put("subjectRef", subjectRef);
        body.put("complainantMemberId", complainant);
        body.put("description", "志工迟到一小时,态度差");
        return body;
    }

    private static String received(String token, Api.OnboardedBranch branch, Map<String, Object> body) {
        return idempotent(token).body(body).post(complaints(branch)).then().statusCode(201).extract().path("id");
    }

    private static void contact(String token, Api.OnboardedBranch branch, String id) {
        idempotent(token).body(Map.of("note", "已电话联系投诉人")).post(complaints(branch) + "/" + id + "/contact")
                .then().statusCode(200);
    }

    private static io.restassured.response.Response resolve(String token, Api.OnboardedBranch branch, String id,
            Map<String, Object> body) {
        return idempotent(token).body(body).post(complaints(branch) + "/" + id + "/resolution");
    }

    @Test
    @DisplayName("R-COMPLAINT-1: contact within 1 hour, resolution within 24 hours, overdue shown to steward, head and "
            + "HQ and watched by the deadline job; the complaint ledger exports to XLSX")
    void clocks() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("complclock");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);

        String byPhone = received(steward, branch, complaint("PHONE", "MERCHANT", "好邻居超市", resident.memberId()));
        String inApp = received(resident.token(), branch, complaint(null, "SERVICE_ORDER", "42", null));
        as(steward).get(complaints(branch) + "/" + inApp).then().statusCode(200).body("channel", equalTo("APP"))
                .body("complainantMemberId", equalTo(resident.memberId())).body("contactOverdue", equalTo(false));

        MovableClock.moveOn(Duration.ofMinutes(61));
        contact(steward, branch, inApp);
        as(steward).get(complaints(branch) + "/" + byPhone).then().body("contactOverdue", equalTo(true))
                .body("resolutionOverdue", equalTo(false));
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/overdue").then().statusCode(200)
                .body("findAll { it.item == '" + byPhone + "' }.clock", hasItem("COMPLAINT_CONTACT"))
                .body("item", not(hasItem(inApp)));
        as(Api.admin()).get("/api/admin/overdue").then().statusCode(200)
                .body("findAll { it.branch == '" + branch.code() + "' }.item", hasItem(byPhone));
        as(Api.admin()).post("/api/admin/jobs/deadline-watch/runs").then().statusCode(200)
                .body("status", equalTo("FINISHED"));
        as(steward).get("/api/branches/" + branch.code() + "/inbox").then()
                .body("messages.kind", hasItem("OVERDUE"));

        resolve(steward, branch, inApp, Map.of("resolution", "已向投诉人致歉并重新安排", "outcome", "SETTLED"))
                .then().statusCode(200).body("resolvedAt", notNullValue()).body("resolutionOverdue", equalTo(false));
        MovableClock.moveOn(Duration.ofHours(24));
        as(steward).get(complaints(branch) + "?open=true").then().body("id", hasSize(1))
                .body("[0].resolutionOverdue", equalTo(true));

        byte[] xlsx = as(steward).get(complaints(branch) + "/export").then().statusCode(200)
                .contentType(equalTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("投诉处理台账").getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号 Id");
        }
    }

    @Test
    @DisplayName("R-COMPLAINT-2: a volunteer below standard has points deducted, is suspended for a week and flagged "
            + "for retraining; only the head sanctions, and a refused sanction writes nothing")
    void volunteerBelowStandard() {
        Api.OnboardedBranch branch = Api.onboardActive("complvol");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch.code(), Api.personId(volunteer.token()),
                Points.of(10), new TransferRequest.Reference("TEST", "seed"), UUID.randomUUID().toString(), "test"));
        String id = received(steward, branch, complaint("IN_PERSON", "VOLUNTEER", volunteer.memberId(), null));
        contact(steward, branch, id);
        Map<String, Object> sanction = Map.of("resolution", "核实服务不达标", "outcome", "VOLUNTEER_BELOW_STANDARD",
                "penaltyPoints", 3);

        resolve(steward, branch, id, sanction).then().statusCode(403)
                .body("type", equalTo("urn:tongyi:problem:sanction-needs-head"));
        as(steward).get(complaints(branch) + "/" + id).then().body("resolvedAt", equalTo(null));
        resolve(branch.headToken(), branch, id, Map.of("resolution", "x", "outcome", "VOLUNTEER_BELOW_STANDARD"))
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:penalty-required"));

        LocalDate nextWeek = MovableClock.businessNow().toLocalDate().plusDays(7);
        resolve(branch.headToken(), branch, id, sanction).then().statusCode(200)
                .body("outcome", equalTo("VOLUNTEER_BELOW_STANDARD")).body("retrainingRequired", equalTo(true))
                .body("sanctionedUntil", equalTo(nextWeek.toString())).body("penaltyPoints", equalTo(300));
        as(volunteer.token()).get("/api/me/points").then().body("points", equalTo("7.00"));
        as(steward).get("/api/branches/" + branch.code() + "/volunteers/" + volunteer.memberId()).then()
                .body("status", equalTo("SUSPENDED")).body("suspendedUntil", equalTo(nextWeek.toString()));
        resolve(branch.headToken(), branch, id, sanction).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:complaint-already-resolved"));
    }

    @Test
    @DisplayName("R-COMPLAINT-3: a malicious complainant's request right is frozen for a month; in serious cases the "
            + "membership is revoked")
    void maliciousComplainant() {
        Api.OnboardedBranch branch = Api.onboardActive("complmal");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered serious = TimeBank.paidMember(branch, building);
        String members = "/api/branches/" + branch.code() + "/members/";

        String first = received(resident.token(), branch, complaint(null, "MEMBER", "邻居", null));
        contact(steward, branch, first);
        resolve(branch.headToken(), branch, first, Map.of("resolution", "查无此事,系恶意投诉", "outcome", "MALICIOUS"))
                .then().statusCode(200);
        LocalDate inAMonth = MovableClock.businessNow().toLocalDate().plusMonths(1);
        as(steward).get(members + resident.memberId()).then().body("status", equalTo("FROZEN"))
                .body("frozenUntil", equalTo(inAMonth.toString()));

        String second = received(steward, branch, complaint("PHONE", "VOLUNTEER", "x", serious.memberId()));
        contact(steward, branch, second);
        resolve(branch.headToken(), branch, second, Map.of("resolution", "多次恶意投诉", "outcome",
                "MALICIOUS_SERIOUS")).then().statusCode(200);
        as(steward).get(members + serious.memberId()).then().body("status", equalTo("REVOKED"));
    }

    @Test
    @DisplayName("R-COMPLAINT-1: bad input and wrong roles are refused with problem+json and write nothing")
    void refusals() {
        Api.OnboardedBranch branch = Api.onboardActive("complbad");
        Api.OnboardedBranch other = Api.onboardActive("complother");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);

        idempotent(steward).body(complaint("APP", "MERCHANT", "x", null)).post(complaints(branch)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tongyi:problem:invalid-channel"));
        idempotent(steward).body(complaint("PHONE", null, "x", null)).post(complaints(branch)).then().statusCode(400);
        idempotent(steward).body(complaint("PHONE", "MERCHANT", "x", UUID.randomUUID().toString()))
                .post(complaints(branch)).then().statusCode(400);
        as(steward).get(complaints(branch)).then().body("id", hasSize(0));

        String id = received(steward, branch, complaint("PHONE", "MERCHANT", "x", null));
        resolve(steward, branch, id, Map.of("resolution", "x", "outcome", "SETTLED")).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:complaint-not-contacted"));
        contact(steward, branch, id);
        resolve(branch.headToken(), branch, id, Map.of("resolution", "x", "outcome", "MALICIOUS")).then()
                .statusCode(409).body("type", equalTo("urn:tongyi:problem:complainant-unknown"));
        as(resident.token()).get(complaints(branch)).then().statusCode(403);
        as(other.headToken()).get(complaints(branch) + "/" + id).then().statusCode(404);
        as(other.headToken()).get(complaints(other) + "/" + id).then().statusCode(404);
        as(branch.headToken()).get("/api/admin/overdue").then().statusCode(403);
    }

    @Test
    @DisplayName("R-COMPLAINT-4: a redemption dispute the steward cannot settle goes to the supervision group, whose "
            + "ruling is published to the members within 3 working days; late rulings are overdue")
    void supervisionRuling() {
        Api.OnboardedBranch branch = Api.onboardActive("complrule");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        List<Members.Registered> group = List.of(Finance.coCreationMember(branch, building),
                Finance.coCreationMember(branch, building), Finance.coCreationMember(branch, building));
        as(branch.headToken()).body(Map.of("memberIds", group.stream().map(Members.Registered::memberId).toList()))
                .put("/api/branches/" + branch.code() + "/governance/supervision-groups/"
                        + Quarter.of(MovableClock.businessNow().toLocalDate())).then().statusCode(200);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        long person = Api.personId(resident.token());
        long earned = ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch.code(), person, Points.of(10),
                new TransferRequest.Reference("TEST", "seed"), UUID.randomUUID().toString(), "test")).id();
        long redeemed = ledger.post(TransferRequest.redemption(branch.code(), person, Points.of(3),
                new TransferRequest.Reference("TEST", "shop"), UUID.randomUUID().toString(), "test")).id();
        String referrals = "/api/branches/" + branch.code() + "/dispute-referrals";
        String notRedemption = idempotent(resident.token())
                .body(Map.of("transferId", Ids.transfer(earned), "evidence", "少记"))
                .post("/api/me/points/disputes").then().statusCode(201).extract().path("id");
        String dispute = idempotent(resident.token())
                .body(Map.of("transferId", Ids.transfer(redeemed), "evidence", "多扣了 1 分"))
                .post("/api/me/points/disputes").then().statusCode(201).extract().path("id");

        idempotent(steward).body(Map.of("disputeId", notRedemption, "reason", "x")).post(referrals).then()
                .statusCode(400).body("type", equalTo("urn:tongyi:problem:redemption-dispute-not-found"));
        String referral = idempotent(steward).body(Map.of("disputeId", dispute, "reason", "商家与会员各执一词"))
                .post(referrals).then().statusCode(201).body("rulingDueOn", notNullValue()).extract().path("id");
        idempotent(steward).body(Map.of("disputeId", dispute, "reason", "again")).post(referrals).then()
                .statusCode(409);

        MovableClock.moveOn(Duration.ofDays(8));
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/overdue").then()
                .body("find { it.item == '" + referral + "' }.clock", equalTo("SUPERVISION_RULING"));
        Map<String, Object> ruling = Map.of("ruling", "核实商家多扣 1 分,应退还", "upheld", true);
        idempotent(resident.token()).body(ruling).post(referrals + "/" + referral + "/ruling").then().statusCode(403)
                .body("type", equalTo("urn:tongyi:problem:not-supervisor"));
        idempotent(group.get(0).token()).body(ruling).post(referrals + "/" + referral + "/ruling").then()
                .statusCode(200).body("publishedAt", notNullValue()).body("late", equalTo(true));
        as(resident.token()).get("/api/branches/" + branch.code() + "/inbox").then()
                .body("messages.kind", hasItem("SUPERVISION_RULING"));
        as(resident.token()).get(referrals).then().statusCode(200).body("upheld", hasItem(true));
    }
}
