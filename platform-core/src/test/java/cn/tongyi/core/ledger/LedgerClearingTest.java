package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LedgerClearingTest {

    @Inject
    LedgerService ledger;
    @Inject
    People people;

    @Test
    @DisplayName("R-LEDGER-2: for each pair of branches HQ sees what members of each spent in the other, from service "
            + "payments and redemptions only, and the net owed and by whom")
    void netOwedPerPairOfBranches() {
        Api.OnboardedBranch a = Api.onboardActive("home");
        Api.OnboardedBranch b = Api.onboardActive("away");
        long residentOfA = people.withoutLogin("resident", a.code());
        long volunteerOfB = people.withoutLogin("volunteer", b.code());
        long residentOfB = people.withoutLogin("resident", b.code());
        long volunteerOfA = people.withoutLogin("volunteer", a.code());
        fund(ledger, a.code(), residentOfA, 10);
        fund(ledger, b.code(), residentOfB, 10);

        // a member of A pays a volunteer of B in B and redeems at a merchant of B: 3.50 + 1.00 spent in B
        post(TransferRequest.payment(b.code(), residentOfA, volunteerOfB, 350, reference(b), key(), "test", null));
        post(TransferRequest.redemption(b.code(), residentOfA, 100, reference(b), key(), "merchant"));
        // a member of B pays in A: 1.25 spent in A
        post(TransferRequest.payment(a.code(), residentOfB, volunteerOfA, 125, reference(a), key(), "test", null));
        // neither a penalty nor a correction is spending
        PostedTransfer penalty = post(TransferRequest.penalty(b.code(), residentOfA, 200, reference(b), key(), "t", null));
        post(new TransferRequest(TransferKind.CORRECTION, b.code(), Party.system(AccountType.PENALTY),
                Party.member(residentOfA), 200, reference(b), penalty.id(), key(), "steward", null));

        String month = YearMonth.now(BusinessClock.ZONE).toString();
        List<Map<String, Object>> pairs = as(Api.admin()).queryParam("month", month)
                .get("/api/admin/ledger/clearing").then().statusCode(200)
                .body("month", equalTo(month)).body("zone", equalTo("Asia/Shanghai"))
                .extract().jsonPath().getList("pairs");
        Map<String, Object> pair = pairs.stream()
                .filter(p -> p.get("branch").equals(first(a, b)) && p.get("otherBranch").equals(second(a, b)))
                .findFirst().orElseThrow(() -> new AssertionError("no pair of " + a.code() + " and " + b.code()));
        boolean aFirst = first(a, b).equals(a.code());
        assertThat(pair.get(aFirst ? "spentInOtherByMembersOfBranch" : "spentInBranchByMembersOfOther"))
                .isEqualTo("4.50");
        assertThat(pair.get(aFirst ? "spentInBranchByMembersOfOther" : "spentInOtherByMembersOfBranch"))
                .isEqualTo("1.25");
        assertThat(pair).containsEntry("net", "3.25").containsEntry("owedBy", a.code()).containsEntry("owedTo", b.code());

        String previous = YearMonth.now(BusinessClock.ZONE).minusMonths(1).toString();
        List<Map<String, Object>> before = as(Api.admin()).queryParam("month", previous)
                .get("/api/admin/ledger/clearing").then().statusCode(200).extract().jsonPath().getList("pairs");
        assertThat(before).noneMatch(p -> p.get("branch").equals(first(a, b)) && p.get("otherBranch").equals(second(a, b)));

        as(Api.admin()).queryParam("month", "2026-13").get("/api/admin/ledger/clearing").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month"));
        as(b.headToken()).queryParam("month", month).get("/api/admin/ledger/clearing").then().statusCode(403);
    }

    private PostedTransfer post(TransferRequest request) {
        return ledger.post(request);
    }

    private static TransferRequest.Reference reference(Api.OnboardedBranch where) {
        return new TransferRequest.Reference("SERVICE_REQUEST", where.code() + ":test");
    }

    private static String key() {
        return "clearing:" + UUID.randomUUID();
    }

    private static String first(Api.OnboardedBranch a, Api.OnboardedBranch b) {
        return a.code().compareTo(b.code()) < 0 ? a.code() : b.code();
    }

    private static String second(Api.OnboardedBranch a, Api.OnboardedBranch b) {
        return a.code().compareTo(b.code()) < 0 ? b.code() : a.code();
    }
}
