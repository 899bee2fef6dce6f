package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.enter;
import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static cn.tongyi.core.ledger.LedgerFixture.payment;
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
    @DisplayName("R-LEDGER-2: a member of branch A pays with points in branch B, a volunteer of B is credited, and HQ "
            + "sees the clearing between A and B")
    void memberOfAPaysInB() {
        Api.OnboardedBranch a = Api.onboardActive("home");
        Api.OnboardedBranch b = Api.onboardActive("away");
        String stewardOfB = Api.staff(b, "STEWARD");
        long resident = people.withoutLogin("resident", a.code());
        long volunteer = people.withoutLogin("volunteer", b.code());
        long staffLogin = people.withoutLogin("staff", null);

        fund(ledger, a.code(), resident, 10);
        enter(stewardOfB, b.code(), payment(resident, volunteer, "3.50")).then().statusCode(201);
        fund(ledger, b.code(), volunteer, 2);
        fund(ledger, b.code(), staffLogin, 1);

        String month = YearMonth.now(BusinessClock.ZONE).toString();
        List<Map<String, Object>> pairs = as(Api.admin()).queryParam("month", month)
                .get("/api/admin/ledger/clearing").then().statusCode(200)
                .body("month", equalTo(month)).body("zone", equalTo("Asia/Shanghai"))
                .extract().jsonPath().getList("pairs");
        assertThat(pair(pairs, a.code(), b.code())).containsEntry("earned", "0.00").containsEntry("spent", "3.50")
                .containsEntry("net", "-3.50").containsEntry("crossBranch", true).containsEntry("entries", 1);
        assertThat(pair(pairs, a.code(), a.code())).containsEntry("earned", "10.00").containsEntry("spent", "0.00")
                .containsEntry("crossBranch", false);
        assertThat(pair(pairs, b.code(), b.code())).containsEntry("earned", "5.50").containsEntry("spent", "0.00");
        assertThat(pairs).noneMatch(p -> p.get("homeBranch").equals(b.code()) && p.get("branch").equals(a.code()));
        assertThat(pairs).anyMatch(p -> p.get("homeBranch").equals("none") && p.get("branch").equals(b.code()));

        String previous = YearMonth.now(BusinessClock.ZONE).minusMonths(1).toString();
        List<Map<String, Object>> before = as(Api.admin()).queryParam("month", previous)
                .get("/api/admin/ledger/clearing").then().statusCode(200).extract().jsonPath().getList("pairs");
        assertThat(before).noneMatch(p -> p.get("branch").equals(b.code()));

        as(Api.admin()).queryParam("month", "2026-13").get("/api/admin/ledger/clearing").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month"));
        as(b.headToken()).queryParam("month", month).get("/api/admin/ledger/clearing").then().statusCode(403);
    }

    private static Map<String, Object> pair(List<Map<String, Object>> pairs, String home, String branch) {
        return pairs.stream().filter(p -> p.get("homeBranch").equals(home) && p.get("branch").equals(branch))
                .findFirst().orElseThrow(() -> new AssertionError("no pair " + home + " → " + branch + " in " + pairs));
    }
}
