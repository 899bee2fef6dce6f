package cn.tongyi.core.compliance;

import static cn.tongyi.core.support.Api.as;
import static cn.tongyi.core.support.Api.idempotent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The monthly compliance self-check: the system's own checks, the signed checklist, fixes, HQ's view. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ComplianceTest {

    private static String item(String name) {
        return "find { it.item == '" + name + "' }";
    }

    @Test
    @DisplayName("R-COMPLIANCE-1, R-COMPLIANCE-2, R-COMPLIANCE-3, R-COMPLIANCE-4, R-COMPLIANCE-5: the system checks "
            + "disclosure, volunteers, private data, merchants with complaints, incident and complaint deadlines "
            + "itself; owners sign the rest with fix deadlines; HQ sees every branch's result with overdue items")
    void monthlySelfCheck() {
        Api.OnboardedBranch branch = Api.onboardActive("selfcheck");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        String finance = Api.staff(branch, "FINANCE");
        YearMonth month = YearMonth.from(MovableClock.businessNow());
        String base = "/api/branches/" + branch.code() + "/compliance/";
        idempotent(steward).body(Map.of("channel", "PHONE", "subjectType", "MERCHANT", "subjectRef", "好邻居超市",
                "description", "虚假折扣")).post("/api/branches/" + branch.code() + "/complaints").then()
                .statusCode(201);
        idempotent(branch.headToken()).post(base + month + "/runs").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:month-not-over"));

        Finance.today(month.plusMonths(1).atDay(11));
        as(Api.admin()).post("/api/admin/jobs/compliance-self-check/runs").then().statusCode(200)
                .body("status", equalTo("FINISHED"));
        as(branch.headToken()).get(base + month).then().statusCode(200).body("", hasSize(9))
                .body(item("DISCLOSURE_ON_TIME") + ".status", equalTo("FINDING"))
                .body(item("DISCLOSURE_ON_TIME") + ".owner", equalTo("FINANCE"))
                .body(item("DISCLOSURE_ON_TIME") + ".rule", equalTo("R-COMPLIANCE-1"))
                .body(item("DISCLOSURE_ON_TIME") + ".fixDueAt", notNullValue())
                .body(item("VOLUNTEERS_CERTIFIED") + ".status", equalTo("PASS"))
                .body(item("PRIVATE_DATA_ENCRYPTED") + ".status", equalTo("PASS"))
                .body(item("MERCHANTS_WITHOUT_COMPLAINTS") + ".status", equalTo("FINDING"))
                .body(item("COMPLAINT_DEADLINES_MET") + ".status", equalTo("FINDING"))
                .body(item("SERVICES_MET_STANDARD") + ".status", equalTo("PENDING"));

        as(finance).get("/api/branches/" + branch.code() + "/overdue").then()
                .body("find { it.clock == 'DISCLOSURE' }.item", equalTo(month.toString()))
                .body("find { it.clock == 'DISCLOSURE' }.owner", equalTo("FINANCE"));

        String sign = base + month + "/items/";
        idempotent(finance).body(Map.of("passed", true)).post(sign + "NO_LEAK_RISK/signature").then()
                .statusCode(403).body("type", equalTo("urn:tongyi:problem:not-item-owner"));
        idempotent(steward).body(Map.of("passed", true)).post(sign + "MERCHANTS_WITHOUT_COMPLAINTS/signature")
                .then().statusCode(409);
        idempotent(steward).body(Map.of("passed", true)).post(sign + "SERVICES_MET_STANDARD/signature").then()
                .statusCode(200).body(item("SERVICES_MET_STANDARD") + ".status", equalTo("PASS"));
        idempotent(branch.headToken()).body(Map.of("passed", false)).post(sign + "NO_FALSE_DISCOUNTS/signature")
                .then().statusCode(400);
        idempotent(branch.headToken()).body(Map.of("passed", false, "detail", "超市折扣与宣传不符,终止合作"))
                .post(sign + "NO_FALSE_DISCOUNTS/signature").then().statusCode(200)
                .body(item("NO_FALSE_DISCOUNTS") + ".status", equalTo("FINDING"));
        idempotent(finance).post(sign + "DISCLOSURE_ON_TIME/fix").then().statusCode(200)
                .body(item("DISCLOSURE_ON_TIME") + ".fixedAt", notNullValue());

        Finance.today(month.plusMonths(1).atDay(14));
        as(Api.admin()).get("/api/admin/compliance?month=" + month).then().statusCode(200)
                .body("find { it.branch == '" + branch.code() + "' }.run", equalTo(true))
                .body("find { it.branch == '" + branch.code() + "' }.overdue", greaterThan(0))
                .body("find { it.branch == '" + branch.code() + "' }.pending", equalTo(1));
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/overdue").then()
                .body("find { it.item == '" + month + "/NO_FALSE_DISCOUNTS' }.clock", equalTo("COMPLIANCE_FIX"));
        as(steward).get("/api/admin/compliance").then().statusCode(403);
    }
}
