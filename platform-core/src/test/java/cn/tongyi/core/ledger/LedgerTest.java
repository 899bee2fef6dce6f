package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
        }
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
        pay(member.id(), other.id(), 250);
        pay(other.id(), member.id(), 25);

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
        List<Long> ids = seen.stream().map(e -> Ids.internal(OpaqueIds.Kind.TRANSFER, e.get("id"))).toList();
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
                .then().statusCode(200).extract().jsonPath().getList("entries.id", String.class).stream()
                .map(id -> Ids.internal(OpaqueIds.Kind.TRANSFER, id)).toList();
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
        pay(a, b, 175);
        assertThat(database.count(LedgerFixture.CACHED_BALANCE_MISMATCHES)).isZero();
        assertThat(database.count(LedgerFixture.SUM_OVER_ALL_ACCOUNTS)).isZero();
    }

    @Test
    @DisplayName("R-LEDGER-3: a system account opened by a transaction that rolls back is not remembered: the branch's "
            + "next postings succeed")
    void systemAccountOfARolledBackPostingIsForgotten() {
        Api.OnboardedBranch fresh = Api.onboardActive("rollback");
        long person = people.withoutLogin("rollback", fresh.code());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            fund(ledger, fresh.code(), person, 1);
            fund(ledger, fresh.code(), person, 1);
            throw new IllegalStateException("the caller's work fails after the postings");
        })).hasMessageContaining("caller's work fails");
        assertThat(database.count("SELECT count(*) FROM platform.ledger_account WHERE branch_code = ?", fresh.code()))
                .isZero();

        fund(ledger, fresh.code(), person, 2);
        assertThat(ledger.balance(person)).isEqualTo(Points.of(2));
    }

    /** A service payment between two members, as a confirmation posts it. */
    private void pay(long from, long to, long centiPoints) {
        ledger.post(TransferRequest.payment(branch.code(), from, to, centiPoints,
                new TransferRequest.Reference("SERVICE_REQUEST", branch.code() + ":test"), "pay:" + UUID.randomUUID(),
                "test", null));
    }
}
