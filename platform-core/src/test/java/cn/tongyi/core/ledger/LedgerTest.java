package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.enter;
import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static cn.tongyi.core.ledger.LedgerFixture.payment;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.ApiProblem;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LedgerTest {

    static Api.OnboardedBranch branch;
    static String steward;

    @Inject
    LedgerService ledger;
    @Inject
    People people;
    @Inject
    Database database;

    @BeforeEach
    void branch() {
        if (branch == null) {
            branch = Api.onboardActive("ledger");
            steward = Api.staff(branch, "STEWARD");
        }
    }

    @Test
    @DisplayName("R-LEDGER-5, R-SERVICE-6: a steward enters a paper payment; a short balance is refused 409 and nothing moves")
    void stewardEntersPaperPayments() {
        People.Someone payer = people.withLogin("payer", branch.code());
        People.Someone payee = people.withLogin("payee", branch.code());
        fund(ledger, branch.code(), payer.id(), 10);

        JsonPath posted = enter(steward, branch.code(), payment(payer.id(), payee.id(), "3.25"))
                .then().statusCode(201)
                .header("Location", containsString("/api/branches/" + branch.code() + "/ledger/transfers/"))
                .extract().jsonPath();
        assertThat(posted.getString("points")).isEqualTo("3.25");
        assertThat(posted.getString("kind")).isEqualTo("SERVICE_PAYMENT");
        assertThat(posted.getLong("fromPersonId")).isEqualTo(payer.id());
        assertThat(posted.getString("reference.type")).isEqualTo("PAPER_FORM");
        assertThat(posted.getString("at")).endsWith("+08:00");
        as(steward).get("/api/branches/" + branch.code() + "/ledger/transfers/" + posted.getLong("id"))
                .then().statusCode(200).body("points", equalTo("3.25"));

        as(payer.token()).get("/api/me/points").then().statusCode(200).body("points", equalTo("6.75"));
        as(payee.token()).get("/api/me/points").then().statusCode(200).body("points", equalTo("3.25"));

        long before = database.count("SELECT count(*) FROM platform.ledger_transfer");
        enter(steward, branch.code(), payment(payer.id(), payee.id(), "6.76")).then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:tongyi:problem:insufficient-points"))
                .body("balance", equalTo("6.75"));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer")).isEqualTo(before);
        as(payer.token()).get("/api/me/points").then().body("points", equalTo("6.75"));

        enter(steward, branch.code(), payment(payer.id(), payee.id(), "6.75")).then().statusCode(201);
        as(payer.token()).get("/api/me/points").then().body("points", equalTo("0.00"));
    }

    @Test
    @DisplayName("R-LEDGER-5: paper entries are checked: unknown persons 404, other kinds and self-payment 422, "
            + "more than two decimals 400, members without a staff role 404/403")
    void paperEntriesAreChecked() {
        long a = people.withoutLogin("a", null);
        long b = people.withoutLogin("b", null);
        fund(ledger, branch.code(), a, 5);
        enter(steward, branch.code(), payment(a, 999_999_999L, "1")).then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:person-not-found"));
        enter(steward, branch.code(), payment(999_999_998L, b, "1")).then().statusCode(404);
        Map<String, Object> penalty = payment(a, b, "1");
        penalty.put("kind", "PENALTY");
        enter(steward, branch.code(), penalty).then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:kind-not-allowed"));
        enter(steward, branch.code(), payment(a, a, "1")).then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:same-person"));
        enter(steward, branch.code(), payment(a, b, "0.001")).then().statusCode(400);
        enter(steward, branch.code(), payment(a, b, "0")).then().statusCode(400);
        enter(steward, branch.code(), payment(a, b, "-1")).then().statusCode(400);
        as(steward).body(payment(a, b, "1")).post("/api/branches/" + branch.code() + "/ledger/transfers")
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:idempotency-key-required"));

        People.Someone member = people.withLogin("nostaff", branch.code());
        enter(member.token(), branch.code(), payment(a, b, "1")).then().statusCode(404);
        enter(Api.staff(branch, "FINANCE"), branch.code(), payment(a, b, "1")).then().statusCode(201);
        enter(branch.headToken(), branch.code(), payment(a, b, "1")).then().statusCode(201);
    }

    @Test
    @DisplayName("R-LEDGER-4: a member sees their balance and their own history, newest first, page by page; never another's")
    void historyWithPagination() {
        People.Someone member = people.withLogin("history", branch.code());
        People.Someone other = people.withLogin("other", branch.code());
        as(member.token()).get("/api/me/points").then().statusCode(200).body("points", equalTo("0.00"));
        as(member.token()).get("/api/me/points/entries").then().statusCode(200).body("entries.size()", equalTo(0));
        for (int i = 1; i <= 5; i++) {
            fund(ledger, branch.code(), member.id(), i);
        }
        enter(steward, branch.code(), payment(member.id(), other.id(), "2.50")).then().statusCode(201);
        enter(steward, branch.code(), payment(other.id(), member.id(), "0.25")).then().statusCode(201);

        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(member.token()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/me/points/entries").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("entries"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7);
        List<Long> ids = seen.stream().map(e -> ((Number) e.get("id")).longValue()).toList();
        assertThat(ids).isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();
        Map<String, Object> newest = seen.get(0);
        assertThat(newest).containsEntry("points", "0.25").containsEntry("kind", "SERVICE_PAYMENT")
                .containsEntry("counterparty", "MEMBER").containsEntry("balanceAfter", "12.75")
                .containsEntry("branch", branch.code());
        assertThat(newest.toString()).doesNotContain(other.username());
        assertThat((String) newest.get("at")).endsWith("+08:00");
        assertThat(seen.get(1)).containsEntry("points", "-2.50").containsEntry("balanceAfter", "12.50");
        assertThat(seen.get(6)).containsEntry("points", "1.00").containsEntry("counterparty", "ISSUANCE")
                .containsEntry("kind", "SERVICE");
        as(member.token()).get("/api/me/points").then().body("points", equalTo("12.75"));

        List<Long> othersIds = as(other.token()).queryParam("limit", 100).get("/api/me/points/entries")
                .then().statusCode(200).extract().jsonPath().getList("entries.id", Long.class);
        assertThat(othersIds).hasSize(2);
        assertThat(ids).containsAll(othersIds);
        assertThat(othersIds).doesNotContain(ids.get(6));

        as(member.token()).queryParam("cursor", "not-a-cursor").get("/api/me/points/entries").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-cursor"));
        as(member.token()).queryParam("limit", 101).get("/api/me/points/entries").then().statusCode(400);
        Api.anonymous().get("/api/me/points").then().statusCode(401);
    }

    @Test
    @DisplayName("R-LEDGER-3: the database itself refuses UPDATE, DELETE and TRUNCATE of transfers")
    void transfersAreImmutableInTheDatabase() {
        long person = people.withoutLogin("immutable", null);
        long id = fund(ledger, branch.code(), person, 3).id();
        assertThatThrownBy(() -> database.update("UPDATE platform.ledger_transfer SET amount = 1 WHERE id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> database.update("DELETE FROM platform.ledger_transfer WHERE id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> database.update("TRUNCATE platform.ledger_transfer CASCADE"))
                .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        assertThat(database.count("SELECT amount FROM platform.ledger_transfer WHERE id = ?", id)).isEqualTo(300);
    }

    @Test
    @DisplayName("R-LEDGER-5, R-SERVICE-8: a penalty floors at zero and records the shortfall, unless the branch allows negative")
    void penaltiesFloorAtZeroUnlessAllowed() {
        long volunteer = people.withoutLogin("noshow", null);
        fund(ledger, branch.code(), volunteer, 3);
        PostedTransfer floored = ledger.post(TransferRequest.penalty(branch.code(), volunteer, Points.of(5),
                new TransferRequest.Reference("NO_SHOW", "1"), "noshow:" + UUID.randomUUID(), "steward", "未到场"));
        assertThat(floored.amount()).isEqualTo(Points.of(3));
        assertThat(floored.shortfall()).isEqualTo(Points.of(2));
        assertThat(ledger.balance(volunteer)).isZero();
        PostedTransfer empty = ledger.post(TransferRequest.penalty(branch.code(), volunteer, Points.of(5),
                null, "noshow:" + UUID.randomUUID(), "steward", null));
        assertThat(empty.amount()).isZero();
        assertThat(empty.shortfall()).isEqualTo(Points.of(5));
        assertThat(ledger.balance(volunteer)).isZero();

        Api.OnboardedBranch strict = Api.onboardActive("strict");
        as(strict.headToken()).get("/api/branches/" + strict.code() + "/ledger/rules").then().statusCode(200)
                .body("penaltyMayGoNegative", equalTo(false));
        as(Api.staff(strict, "STEWARD")).body(Map.of("penaltyMayGoNegative", true))
                .put("/api/branches/" + strict.code() + "/ledger/rules").then().statusCode(403);
        as(strict.headToken()).body(Map.of("penaltyMayGoNegative", true))
                .put("/api/branches/" + strict.code() + "/ledger/rules").then().statusCode(200)
                .body("penaltyMayGoNegative", equalTo(true));
        PostedTransfer negative = ledger.post(TransferRequest.penalty(strict.code(), volunteer, Points.of(5), null,
                "noshow:" + UUID.randomUUID(), "steward", null));
        assertThat(negative.amount()).isEqualTo(Points.of(5));
        assertThat(negative.shortfall()).isZero();
        assertThat(ledger.balance(volunteer)).isEqualTo(-Points.of(5));

        assertThatThrownBy(() -> ledger.post(TransferRequest.redemption(branch.code(), volunteer, Points.of(1),
                null, "redeem:" + UUID.randomUUID(), "merchant")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("insufficient-points"));
    }

    @Test
    @DisplayName("R-LEDGER-3: a Java posting applies once per kind and key; the key reused for another transfer is 422")
    void javaPostingsApplyOncePerKey() {
        long person = people.withoutLogin("birthday", null);
        TransferRequest birthday = TransferRequest.issue(TransferKind.BIRTHDAY, branch.code(), person, Points.of(2),
                new TransferRequest.Reference("PERSON", Long.toString(person)), "birthday:" + person + ":2026", "job");
        PostedTransfer first = ledger.post(birthday);
        PostedTransfer again = ledger.post(birthday);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.asReplay()).isEqualTo(first.asReplay());
        assertThat(ledger.balance(person)).isEqualTo(Points.of(2));
        assertThatThrownBy(() -> ledger.post(TransferRequest.issue(TransferKind.BIRTHDAY, branch.code(), person,
                Points.of(3), null, "birthday:" + person + ":2026", "job")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("transfer-key-reused"));
        PostedTransfer referral = ledger.post(TransferRequest.issue(TransferKind.REFERRAL, branch.code(), person,
                Points.of(20), null, "referral:42", "members"));
        assertThat(referral.id()).isNotEqualTo(first.id());
        assertThat(ledger.balance(person)).isEqualTo(Points.of(22));
    }

    @Test
    @DisplayName("R-LEDGER-3: cached member balances equal the sums of their entries; all accounts sum to zero")
    void balancesAreSumsOfEntries() {
        long a = people.withoutLogin("sum", null);
        long b = people.withoutLogin("sum", null);
        fund(ledger, branch.code(), a, 4);
        enter(steward, branch.code(), payment(a, b, "1.75")).then().statusCode(201);
        assertThat(database.count(LedgerFixture.CACHED_BALANCE_MISMATCHES)).isZero();
        assertThat(database.count(LedgerFixture.SUM_OVER_ALL_ACCOUNTS)).isZero();
    }
}
