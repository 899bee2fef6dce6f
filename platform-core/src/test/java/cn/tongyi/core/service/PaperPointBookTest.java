package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.PaperLines;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-LEDGER-8: the paper point book moves a member's points only for a service that member received here. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PaperPointBookTest {

    @Inject
    LedgerService ledger;
    @Inject
    Database database;
    @Inject
    People people;

    private void fund(String branch, long personId, long points) {
        ledger.post(TransferRequest.issue(TransferKind.REFERRAL, branch, personId, Points.of(points),
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
    }

    private long transfers() {
        return database.count("SELECT count(*) FROM platform.ledger_transfer");
    }

    @Test
    @DisplayName("R-LEDGER-8: staff cannot move a member's points to themselves or anyone else at will, from this "
            + "branch or another: no body names a payee, and a line needs a service the member received here")
    void staffCannotMovePointsAtWill() {
        Api.OnboardedBranch ours = Api.onboardActive("thief");
        Api.OnboardedBranch theirs = Api.onboardActive("victims");
        People.Someone victim = people.withLogin("victim", theirs.code());
        People.Someone neighbour = people.withLogin("neighbour", ours.code());
        fund(theirs.code(), victim.id(), 500);
        fund(ours.code(), neighbour.id(), 500);
        String finance = Api.staff(ours, "FINANCE");
        String steward = Api.staff(ours, "STEWARD");
        long financeId = Api.personId(finance);
        long before = transfers();

        // the request observed on main: any two person ids, the officer as payee
        for (long from : new long[] {victim.id(), neighbour.id()}) {
            Map<String, Object> old = new HashMap<>(Map.of("fromPersonId", from, "toPersonId", financeId,
                    "points", "499", "kind", "SERVICE_PAYMENT", "paperFormNo", PaperLines.formNo()));
            PaperLines.enter(finance, ours.code(), old).then().statusCode(403);
            PaperLines.enter(steward, ours.code(), old).then().statusCode(400);
        }
        // a line naming the member but a service they did not receive, or one of another branch
        long someoneElsesOrder = PaperLines.completedOrder(database, ours.code(), financeId,
                people.withoutLogin("v", ours.code()), 600);
        PaperLines.enter(steward, ours.code(), PaperLines.line(Api.publicId(neighbour.id()), someoneElsesOrder, "4",
                PaperLines.formNo())).then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:service-not-received"));
        long theirOrder = PaperLines.completedOrder(database, theirs.code(), victim.id(),
                people.withoutLogin("v", theirs.code()), 600);
        PaperLines.enter(steward, ours.code(), PaperLines.line(Api.publicId(victim.id()), theirOrder + 1_000_000,
                "4", PaperLines.formNo())).then().statusCode(404);
        PaperLines.enter(steward, theirs.code(), PaperLines.line(Api.publicId(victim.id()), theirOrder, "4",
                PaperLines.formNo())).then().statusCode(404);

        assertThat(transfers()).isEqualTo(before);
        as(victim.token()).get("/api/me/points").then().body("points", equalTo("500.00"));
        as(neighbour.token()).get("/api/me/points").then().body("points", equalTo("500.00"));
    }

    @Test
    @DisplayName("R-LEDGER-8, R-SERVICE-6: a line pays for a service the member received, at most its hours served; "
            + "the volunteer keeps exactly 1 point per hour; a form number is entered once per branch")
    void lineSettlesAServiceOnce() {
        Api.OnboardedBranch branch = Api.onboardActive("book");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        fund(branch.code(), Api.personId(resident.token()), 10);
        long order = TimeBank.completed(branch, steward, resident, volunteer, 90, false);
        assertThat(points(volunteer)).isEqualTo("1.50");

        String form = PaperLines.formNo();
        Map<String, Object> line = PaperLines.line(resident.memberId(), order, "1.00", form);
        String first = PaperLines.enter(steward, branch.code(), line).then().statusCode(201)
                .body("kind", equalTo("SERVICE_PAYMENT"))
                .body("fromPersonId", equalTo(resident.memberId()))
                .body("toAccount", equalTo("ISSUANCE"))
                .body("points", equalTo("1.00"))
                .body("reference.id", equalTo(branch.code() + ":" + Ids.request(order)))
                .extract().asString();
        assertThat(points(resident)).isEqualTo("9.00");
        assertThat(points(volunteer)).as("the volunteer was credited once, at confirmation").isEqualTo("1.50");

        long before = transfers();
        PaperLines.enter(steward, branch.code(), line).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body(equalTo(first));
        PaperLines.enter(steward, branch.code(), PaperLines.line(resident.memberId(), order, "0.25", form))
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:paper-form-used"));
        PaperLines.enter(steward, branch.code(), PaperLines.line(resident.memberId(), order, "0.75",
                PaperLines.formNo())).then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:exceeds-hours-served")).body("payable", equalTo("0.50"));
        assertThat(transfers()).isEqualTo(before);

        Map<String, Object> byConfirmationForm = PaperLines.line(resident.memberId(), order, "0.50",
                PaperLines.formNo());
        byConfirmationForm.remove("serviceRequestId");
        byConfirmationForm.put("confirmationFormNo", "no-such-form");
        PaperLines.enter(steward, branch.code(), byConfirmationForm).then().statusCode(404);
        PaperLines.enter(steward, branch.code(), PaperLines.line(resident.memberId(), order, "0.50",
                PaperLines.formNo())).then().statusCode(201);
        assertThat(points(resident)).isEqualTo("8.50");
        assertThat(database.count("SELECT paid FROM t_" + branch.code() + ".service_request WHERE id = ?", order))
                .isEqualTo(150);

        long paidWithPoints = TimeBank.completed(branch, steward, resident, volunteer, 60, true);
        assertThat(points(resident)).isEqualTo("7.50");
        assertThat(points(volunteer)).isEqualTo("2.50");
        PaperLines.enter(steward, branch.code(), PaperLines.line(resident.memberId(), paidWithPoints, "0.25",
                PaperLines.formNo())).then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:exceeds-hours-served")).body("payable", equalTo("0.00"));
    }

    @Test
    @DisplayName("R-LEDGER-8: nobody enters a line of a service they gave or received; a service paid with points "
            + "at confirmation has nothing left to pay")
    void separationOfDuties() {
        Api.OnboardedBranch branch = Api.onboardActive("duty");
        String steward = Api.staff(branch, "STEWARD");
        long stewardId = Api.personId(steward);
        long resident = people.withoutLogin("resident", branch.code());
        fund(branch.code(), resident, 10);
        long servedBySteward = PaperLines.completedOrder(database, branch.code(), resident, stewardId, 120);
        PaperLines.enter(steward, branch.code(), PaperLines.line(Api.publicId(resident), servedBySteward, "1",
                PaperLines.formNo())).then().statusCode(403).body("type", equalTo("urn:tongyi:problem:own-entry"));
        PaperLines.enter(branch.headToken(), branch.code(), PaperLines.line(Api.publicId(resident), servedBySteward,
                "1", PaperLines.formNo())).then().statusCode(201);

        long receivedBySteward = PaperLines.completedOrder(database, branch.code(), stewardId, resident, 120);
        fund(branch.code(), stewardId, 5);
        PaperLines.enter(steward, branch.code(), PaperLines.line(Api.publicId(stewardId), receivedBySteward, "1",
                PaperLines.formNo())).then().statusCode(403).body("type", equalTo("urn:tongyi:problem:own-entry"));
    }

    private static String points(Members.Registered member) {
        return as(member.token()).get("/api/me/points").then().statusCode(200).extract().path("points");
    }
}
