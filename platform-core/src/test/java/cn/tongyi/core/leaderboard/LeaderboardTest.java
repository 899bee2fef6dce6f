package cn.tongyi.core.leaderboard;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
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
class LeaderboardTest {

    @Inject
    LedgerService ledger;

    private void credit(String branch, Members.Registered member, long centiPoints) {
        long person = ((Number) as(member.token()).get("/api/me").then().extract().path("id")).longValue();
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch, person, centiPoints,
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
    }

    @Test
    @DisplayName("R-LEDGER-7: on the 5th each branch publishes last month's points per building, anonymous, as a "
            + "snapshot")
    void monthlyLeaderboard() {
        Api.OnboardedBranch a = Api.onboardActive("board");
        Api.OnboardedBranch b = Api.onboardActive("boardaway");
        Members.Registered east = TimeBank.paidMember(a, Members.building(a, "1号楼"));
        Members.Registered west = TimeBank.paidMember(a, Members.building(a, "2号楼"));
        Members.building(a, "3号楼");
        Members.Registered ofB = TimeBank.paidMember(b, Members.building(b, "1号楼"));
        credit(a.code(), east, Points.of(3));
        credit(b.code(), west, Points.ofMinutes(90));
        credit(b.code(), ofB, Points.of(7));
        YearMonth month = YearMonth.now(BusinessClock.ZONE);
        String board = "/api/branches/" + a.code() + "/leaderboard?month=" + month;
        String job = "/api/admin/jobs/leaderboard/runs?day=";

        as(east.token()).get(board).then().statusCode(200).body("published", equalTo(false)).body("rows", hasSize(0));
        as(Api.admin()).post(job + month.plusMonths(1).atDay(4)).then().statusCode(200).body("created", equalTo(0));
        as(Api.admin()).post(job + month.plusMonths(1).atDay(5)).then().statusCode(200);

        String published = as(east.token()).get(board).then().statusCode(200)
                .body("published", equalTo(true))
                .body("rows", equalTo(List.of(Map.of("building", "1号楼", "points", "3.00"),
                        Map.of("building", "2号楼", "points", "1.50"), Map.of("building", "3号楼", "points", "0.00"))))
                .extract().asString();
        assertThat(published).doesNotContain("王秀英").doesNotContain(east.memberId()).doesNotContain(east.username());

        credit(a.code(), west, Points.of(10));
        as(Api.admin()).post(job + month.plusMonths(1).atDay(5)).then().statusCode(200);
        as(ofB.token()).get(board).then().statusCode(200).body("rows[1].points", equalTo("1.50"));
        as(east.token()).get("/api/branches/" + a.code() + "/leaderboard?month=2026-13").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month"));
    }
}
