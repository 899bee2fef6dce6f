package cn.tongyi.core.figures;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class HqFiguresTest {

    @Test
    @DisplayName("HQ's chart figures: the nightly branch-figures job writes each branch's hours of confirmed service "
            + "and its members per month, and HQ reads them for every branch in one answer; the run is recorded")
    void monthlyFiguresPerBranch() {
        MovableClock.installShiftedBy(Duration.ZERO);
        Api.OnboardedBranch branch = Api.onboardActive("charts");
        Api.OnboardedBranch quiet = Api.onboardActive("chartsq");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building);
        TimeBank.completed(branch, steward, resident, volunteer, 90, false);
        YearMonth month = YearMonth.from(MovableClock.businessNow());
        String figures = "/api/admin/figures/monthly?from=" + month + "&to=" + month;

        as(Api.admin()).get(figures).then().statusCode(200)
                .body("figures.findAll { it.branch == '" + branch.code() + "' }", hasSize(0));
        as(Api.admin()).post("/api/admin/jobs/branch-figures/runs?day=" + month.atDay(1)).then().statusCode(200)
                .body("branches", greaterThanOrEqualTo(2));

        as(Api.admin()).get(figures).then().statusCode(200)
                .body("zone", equalTo("Asia/Shanghai"))
                .body("figures.find { it.branch == '" + branch.code() + "' }.month", equalTo(month.toString()))
                .body("figures.find { it.branch == '" + branch.code() + "' }.serviceHours", equalTo(1.5f))
                .body("figures.find { it.branch == '" + branch.code() + "' }.services", equalTo(1))
                .body("figures.find { it.branch == '" + branch.code() + "' }.members", equalTo(2))
                .body("figures.find { it.branch == '" + quiet.code() + "' }.serviceHours", equalTo(0.0f))
                .body("figures.find { it.branch == '" + quiet.code() + "' }.members", equalTo(0));
        as(Api.admin()).get("/api/admin/jobs").then().statusCode(200)
                .body("name", hasItem("branch-figures"))
                .body("find { it.name == 'branch-figures' }.lastRun.startedAt", notNullValue());
        as(Api.admin()).get("/api/admin/jobs/branch-figures/runs").then().statusCode(200)
                .body("[0].job", equalTo("branch-figures"))
                .body("[0].status", equalTo("FINISHED"));
    }

    @Test
    @DisplayName("HQ's chart figures: a wrong month or range is a 400 naming the problem, and only HQ may read them")
    void refusals() {
        as(Api.admin()).get("/api/admin/figures/monthly?from=2026-13").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month"));
        as(Api.admin()).get("/api/admin/figures/monthly?from=2026-05&to=2026-04").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month-range"));
        as(Api.admin()).get("/api/admin/figures/monthly?from=2020-01&to=2026-04").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month-range"));
        Api.OnboardedBranch branch = Api.onboardActive("chartsno");
        as(branch.headToken()).get("/api/admin/figures/monthly").then().statusCode(403);
        as(branch.headToken()).get("/api/admin/jobs").then().statusCode(403);
    }
}
