package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.calendar.BusinessCalendar;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LedgerDisputeTest {

    static Api.OnboardedBranch branch;
    static String steward;

    @Inject
    LedgerService ledger;
    @Inject
    People people;
    @Inject
    Database database;
    @Inject
    BusinessCalendar calendar;

    @BeforeEach
    void branch() {
        if (branch == null) {
            branch = Api.onboardActive("dispute");
            steward = Api.staff(branch, "STEWARD");
        }
    }

    @Test
    @DisplayName("R-LEDGER-6: a member disputes a payment with evidence; the steward sees it due in 3 working days and "
            + "accepts; a CORRECTION references it and the disputed transfer is unchanged")
    void acceptedDisputePostsACorrection() {
        People.Someone payer = people.withLogin("disputer", branch.code());
        People.Someone payee = people.withLogin("payee", branch.code());
        fund(ledger, branch.code(), payer.id(), 10);
        long disputed = pay(payer.id(), payee.id(), Points.of(4)).id();

        JsonPath filed = dispute(payer.token(), disputed, "服务没有完成，照片见 https://example.cn/p/1.jpg")
                .then().statusCode(201).extract().jsonPath();
        long disputeId = Ids.internal(OpaqueIds.Kind.DISPUTE, filed.getString("id"));
        assertThat(filed.getString("status")).isEqualTo("OPEN");
        assertThat(filed.getString("branch")).isEqualTo(branch.code());
        assertThat(filed.getString("dueOn")).isEqualTo(calendar.workingDaysAfter(Instant.now(), 3).toString());
        assertThat(filed.getBoolean("overdue")).isFalse();
        dispute(payer.token(), disputed, "again").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:dispute-open"));
        as(payer.token()).get("/api/me/points/disputes").then().statusCode(200).body("[0].id", equalTo(Ids.dispute(disputeId)));

        List<Map<String, Object>> open = as(steward).get(disputesPath()).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(open).anySatisfy(d -> {
            assertThat(d).containsEntry("id", Ids.dispute(disputeId)).containsEntry("overdue", false);
            assertThat(d.get("evidence").toString()).contains("照片");
        });

        decide(steward, disputeId, Map.of("accept", true, "note", "核实属实，退回积分"))
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo(as(steward).get("/api/me").then().extract().path("username")));
        long correctionId = database.count(
                "SELECT correction_transfer_id FROM platform.ledger_dispute WHERE id = ?", disputeId);
        as(steward).get("/api/branches/" + branch.code() + "/ledger/transfers/" + Ids.transfer(correctionId)).then()
                .statusCode(200)
                .body("kind", equalTo("CORRECTION"))
                .body("corrects", equalTo(Ids.transfer(disputed)))
                .body("points", equalTo("4.00"))
                .body("fromPersonId", equalTo(Api.publicId(payee.id())))
                .body("toPersonId", equalTo(Api.publicId(payer.id())));
        as(payer.token()).get("/api/me/points").then().body("points", equalTo("10.00"));
        as(payee.token()).get("/api/me/points").then().body("points", equalTo("0.00"));
        as(steward).get("/api/branches/" + branch.code() + "/ledger/transfers/" + Ids.transfer(disputed)).then()
                .body("points", equalTo("4.00")).body("kind", equalTo("SERVICE_PAYMENT"));
        as(payer.token()).get("/api/me/points/entries").then()
                .body("entries[0].kind", equalTo("CORRECTION"))
                .body("entries[0].corrects", equalTo(Ids.transfer(disputed)))
                .body("entries[0].points", equalTo("4.00"));

        decide(steward, disputeId, Map.of("accept", true, "note", "again")).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:dispute-decided"));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE corrects_id = ?", disputed))
                .isEqualTo(1);
        assertThat(database.count(LedgerFixture.CACHED_BALANCE_MISMATCHES)).isZero();
    }

    @Test
    @DisplayName("R-LEDGER-6: a partial correction in the member's favour; a rejection moves nothing; overdue is flagged")
    void partialCorrectionRejectionAndOverdue() {
        People.Someone volunteer = people.withLogin("volunteer", branch.code());
        long credited = fund(ledger, branch.code(), volunteer.id(), 2).id();
        long disputeId = Ids.internal(OpaqueIds.Kind.DISPUTE, dispute(volunteer.token(), credited, "实际服务 3 小时，只记了 2 小时")
                .then().statusCode(201).extract().path("id"));
        decide(steward, disputeId, Map.of("accept", true, "points", "1.00", "note", "补记 1 小时"))
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(volunteer.token()).get("/api/me/points").then().body("points", equalTo("3.00"));
        as(volunteer.token()).get("/api/me/points/entries").then()
                .body("entries[0].counterparty", equalTo("ISSUANCE"))
                .body("entries[0].points", equalTo("1.00"));

        long late = Ids.internal(OpaqueIds.Kind.DISPUTE, dispute(volunteer.token(), credited, "还是不对").then().statusCode(201)
                .extract().path("id"));
        try {
            database.update("UPDATE platform.ledger_dispute SET due_on = current_date - 7 WHERE id = ?", late);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(as(steward).get(disputesPath()).then().extract().jsonPath().getList("$", Map.class))
                .anySatisfy(d -> assertThat(d).containsEntry("id", Ids.dispute(late)).containsEntry("overdue", true));
        decide(steward, late, Map.of("accept", false, "points", "1", "note", "x")).then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:points-not-allowed"));
        long transfers = database.count("SELECT count(*) FROM platform.ledger_transfer");
        decide(steward, late, Map.of("accept", false, "note", "已按实际时长补记")).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("correctionTransferId", equalTo(null));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer")).isEqualTo(transfers);
        as(steward).queryParam("status", "DECIDED").get(disputesPath()).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems(Ids.dispute(late), Ids.dispute(disputeId)));
    }

    @Test
    @DisplayName("R-LEDGER-6: only the member's own transfers can be disputed, and only the branch where it happened decides")
    void disputesStayWithTheirPeopleAndBranch() {
        People.Someone owner = people.withLogin("owner", branch.code());
        People.Someone stranger = people.withLogin("stranger", null);
        long transfer = fund(ledger, branch.code(), owner.id(), 1).id();
        dispute(stranger.token(), transfer, "not mine").then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:transfer-not-found"));
        Map<String, Object> wrongBranch = new HashMap<>(Map.of("transferId", Ids.transfer(transfer), "evidence", "x",
                "branch", "elsewhere"));
        as(owner.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(wrongBranch)
                .post("/api/me/points/disputes").then().statusCode(422);
        long disputeId = Ids.internal(OpaqueIds.Kind.DISPUTE, dispute(owner.token(), transfer, "mine").then().statusCode(201)
                .extract().path("id"));

        Api.OnboardedBranch other = Api.onboardActive("otherdispute");
        String otherSteward = Api.staff(other, "STEWARD");
        as(otherSteward).get("/api/branches/" + other.code() + "/ledger/disputes").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(Ids.dispute(disputeId))));
        as(otherSteward).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accept", true, "note", "x"))
                .post("/api/branches/" + other.code() + "/ledger/disputes/" + Ids.dispute(disputeId) + "/decision")
                .then().statusCode(404).body("type", equalTo("urn:tongyi:problem:dispute-not-found"));
        decide(otherSteward, disputeId, Map.of("accept", true, "note", "x")).then().statusCode(404);
        as(Api.staff(branch, "FINANCE")).get(disputesPath()).then().statusCode(403);
    }

    @Test
    @DisplayName("R-LEDGER-6: a correction moves at most the disputed amount plus its recorded shortfall")
    void correctionsAreBoundedByTheDisputedTransfer() {
        People.Someone volunteer = people.withLogin("bounded", branch.code());
        fund(ledger, branch.code(), volunteer.id(), 3);
        long penalty = ledger.post(TransferRequest.penalty(branch.code(), volunteer.id(), Points.of(5),
                new TransferRequest.Reference("NO_SHOW", "test"), "noshow:" + UUID.randomUUID(), "steward", "未到场"))
                .id();
        long disputeId = Ids.internal(OpaqueIds.Kind.DISPUTE, dispute(volunteer.token(), penalty, "当天下暴雨,社区通知停止服务").then().statusCode(201)
                .extract().path("id"));
        long transfers = database.count("SELECT count(*) FROM platform.ledger_transfer");
        for (String tooMuch : List.of("5.01", "999999999.99", "-5.01")) {
            decide(steward, disputeId, Map.of("accept", true, "points", tooMuch, "note", "x")).then().statusCode(422)
                    .body("type", equalTo("urn:tongyi:problem:correction-too-large"))
                    .body("maximum", equalTo("5.00"));
        }
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer")).isEqualTo(transfers);
        // 3 points taken and 2 of shortfall: the whole 5 may be returned, from the branch's penalty account
        decide(steward, disputeId, Map.of("accept", true, "points", "5.00", "note", "免除处罚")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as(volunteer.token()).get("/api/me/points").then().body("points", equalTo("5.00"));
    }

    @Test
    @DisplayName("R-LEDGER-6: nobody decides a dispute they raised, or one on a transfer they are a party to")
    void nobodyDecidesTheirOwnCase() {
        String stewardWhoDisputes = Api.staff(branch, "STEWARD");
        long stewardPerson = Api.personId(stewardWhoDisputes);
        long own = fund(ledger, branch.code(), stewardPerson, 2).id();
        long ownDispute = Ids.internal(OpaqueIds.Kind.DISPUTE, dispute(stewardWhoDisputes, own, "少记了一小时").then().statusCode(201)
                .extract().path("id"));
        decide(stewardWhoDisputes, ownDispute, Map.of("accept", true, "points", "1.00", "note", "自己批")).then()
                .statusCode(403).body("type", equalTo("urn:tongyi:problem:own-dispute"));

        People.Someone member = people.withLogin("party", branch.code());
        fund(ledger, branch.code(), stewardPerson, 5);
        long payment = pay(stewardPerson, member.id(), Points.of(2)).id();
        long memberDispute = Ids.internal(OpaqueIds.Kind.DISPUTE, dispute(member.token(), payment, "应为 3 小时").then().statusCode(201)
                .extract().path("id"));
        decide(stewardWhoDisputes, memberDispute, Map.of("accept", false, "note", "驳回")).then().statusCode(403)
                .body("type", equalTo("urn:tongyi:problem:party-to-transfer"));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_dispute WHERE id IN (?, ?) AND status = 'OPEN'",
                ownDispute, memberDispute)).isEqualTo(2);

        decide(steward, ownDispute, Map.of("accept", true, "points", "1.00", "note", "核实")).then().statusCode(200);
        decide(steward, memberDispute, Map.of("accept", false, "note", "核实无误")).then().statusCode(200);
    }

    private PostedTransfer pay(long from, long to, long centiPoints) {
        return ledger.post(TransferRequest.payment(branch.code(), from, to, centiPoints,
                new TransferRequest.Reference("SERVICE_REQUEST", branch.code() + ":test"), "pay:" + UUID.randomUUID(),
                "test", null));
    }

    private static Response dispute(String token, long transferId, String evidence) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("transferId", Ids.transfer(transferId), "evidence", evidence))
                .post("/api/me/points/disputes");
    }

    private static Response decide(String token, long disputeId, Map<String, Object> decision) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(decision)
                .post(disputesPath() + "/" + Ids.dispute(disputeId) + "/decision");
    }

    private static String disputesPath() {
        return "/api/branches/" + branch.code() + "/ledger/disputes";
    }
}
