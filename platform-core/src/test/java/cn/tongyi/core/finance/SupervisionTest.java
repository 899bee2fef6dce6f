package cn.tongyi.core.finance;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class SupervisionTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Test
    @DisplayName("R-FIN-4: the quarter's supervision group of 3 co-creation members reads the quarter's books and files "
            + "a report its members sign; others cannot; HQ sees which branches filed")
    void quarterlySupervision() {
        Api.OnboardedBranch branch = Api.onboardActive("supervise");
        Api.OnboardedBranch silent = Api.onboardActive("silent");
        long building = Members.building(branch, "1号楼");
        String finance = Api.staff(branch, "FINANCE");
        List<Members.Registered> group = List.of(Finance.coCreationMember(branch, building),
                Finance.coCreationMember(branch, building), Finance.coCreationMember(branch, building));
        Members.Registered other = Finance.coCreationMember(branch, building);
        Quarter quarter = Quarter.of(LocalDate.now(BusinessClock.ZONE));
        as(branch.headToken()).body(Map.of("memberIds", group.stream().map(Members.Registered::memberId).toList()))
                .put("/api/branches/" + branch.code() + "/governance/supervision-groups/" + quarter).then()
                .statusCode(200).body("members", hasSize(3));
        Finance.income(finance, branch, "CUSTOM_SERVICE", 8_000, "ONLINE").then().statusCode(201);
        Finance.paidExpense(branch, finance, Api.staff(branch, "FINANCE"), "OPERATIONS", 2_000);
        String base = Finance.base(branch) + "/supervision/" + quarter;

        as(group.get(0).token()).get(base + "/books").then().statusCode(200)
                .body("totals.incomeFen", equalTo(408_000)).body("totals.expensesFen", equalTo(2_000))
                .body("expenses", hasSize(1)).body("expenses[0].approvals", hasSize(1));
        as(other.token()).get(base + "/books").then().statusCode(403).body("type", equalTo(PROBLEM + "not-supervisor"));
        as(finance).get(base + "/books").then().statusCode(403);
        Map<String, Object> filing = Map.of("findings", "账实相符,支出均有审批和发票", "result", "NO_ISSUES");
        Api.idempotent(group.get(0).token()).body(filing).post(base + "/report").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "quarter-not-over"));

        Finance.today(quarter.lastDay().plusDays(5));
        Api.idempotent(other.token()).body(filing).post(base + "/report").then().statusCode(403);
        Api.idempotent(group.get(0).token()).body(filing).post(base + "/report").then().statusCode(201)
                .body("signatures", hasSize(1)).body("result", equalTo("NO_ISSUES"));
        Api.idempotent(group.get(1).token()).body(filing).post(base + "/report").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "report-filed"));
        Api.idempotent(group.get(1).token()).post(base + "/report/signatures").then().statusCode(201)
                .body("signatures", hasSize(2));
        Api.idempotent(group.get(1).token()).post(base + "/report/signatures").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "already-signed"));
        as(finance).get(base + "/report").then().statusCode(200).body("groupSize", equalTo(3))
                .body("signatures[0].sha256", equalTo(as(finance).get(base + "/report").then().extract()
                        .path("sha256")));

        as(Api.admin()).queryParam("quarter", quarter.toString()).get("/api/admin/finance/supervision-filings")
                .then().statusCode(200)
                .body("find { it.branch == '" + branch.code() + "' }.filed", equalTo(true))
                .body("find { it.branch == '" + branch.code() + "' }.signatures", equalTo(2))
                .body("find { it.branch == '" + silent.code() + "' }.filed", equalTo(false));
    }
}
