package cn.tongyi.core.deadline;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The time bank's clocks, watched with the others: listed for the branch's head and for HQ, brought to the stewards. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DeadlinesTest {

    @Test
    @DisplayName("R-SERVICE-2 / R-SERVICE-4: a request not reviewed within 30 minutes and an offer round not accepted "
            + "within 2 hours are overdue for the head and HQ, and the deadline watch alerts the steward once")
    void serviceClocks() {
        Api.OnboardedBranch branch = Api.onboardActive("deadsvc");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        TimeBank.volunteer(branch, building, "SHOPPING");
        long waiting = TimeBank.posted(resident.token(), branch.code(), TimeBank.request("SHOPPING",
                MovableClock.businessNow().plusDays(1), null, 60, false));
        long offered = TimeBank.posted(resident.token(), branch.code(), TimeBank.request("SHOPPING",
                MovableClock.businessNow().plusDays(1).plusHours(3), null, 60, false));
        TimeBank.review(steward, branch.code(), offered, true, null).then().statusCode(200);
        String overdue = "/api/branches/" + branch.code() + "/overdue";
        as(branch.headToken()).get(overdue).then().statusCode(200).body("item", not(hasItem(Long.toString(waiting))));

        MovableClock.moveOn(Duration.ofMinutes(31));
        as(branch.headToken()).get(overdue).then()
                .body("find { it.item == '" + waiting + "' }.clock", equalTo("SERVICE_REVIEW"))
                .body("item", not(hasItem(Long.toString(offered))));
        MovableClock.moveOn(Duration.ofMinutes(90));
        as(branch.headToken()).get(overdue).then()
                .body("find { it.item == '" + offered + "' }.clock", equalTo("SERVICE_ACCEPTANCE"));
        as(Api.admin()).get("/api/admin/overdue").then().statusCode(200)
                .body("findAll { it.branch == '" + branch.code() + "' }.clock", hasItem("SERVICE_REVIEW"));

        as(Api.admin()).post("/api/admin/jobs/deadline-watch/runs").then().statusCode(200);
        as(Api.admin()).post("/api/admin/jobs/deadline-watch/runs").then().statusCode(200);
        as(steward).get("/api/branches/" + branch.code() + "/inbox").then()
                .body("messages.findAll { it.kind == 'OVERDUE' }.size()", equalTo(2));
        as(steward).get("/api/admin/overdue").then().statusCode(403);
        as(resident.token()).get(overdue).then().statusCode(403);
    }
}
