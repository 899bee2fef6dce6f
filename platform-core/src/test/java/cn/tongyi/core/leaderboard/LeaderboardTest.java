package cn.tongyi.core.leaderboard;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.ledger.AccountType;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Party;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.PostedTransfer;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LeaderboardTest {

    @Inject
    LedgerService ledger;

    private PostedTransfer credit(String branch, Members.Registered member, long centiPoints) {
        long person = Api.personId(member.token());
        return ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch, person, centiPoints,
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
    }

    private static List<Members.Registered> residents(Api.OnboardedBranch branch, String building, int count) {
        long id = Members.building(branch, building);
        return IntStream.range(0, count).mapToObj(i -> Members.registerOnline(branch, id)).toList();
    }

    @Test
    @DisplayName("R-LEDGER-7: on the 5th each branch publishes last month's points per building, anonymous, as a "
            + "snapshot: corrections taken back are subtracted, and a building of fewer than 3 members, whose figure "
            + "would name them, is left out")
    void monthlyLeaderboard() {
        Api.OnboardedBranch a = Api.onboardActive("board");
        Api.OnboardedBranch b = Api.onboardActive("boardaway");
        List<Members.Registered> east = residents(a, "1号楼", 3);
        List<Members.Registered> west = residents(a, "2号楼", 3);
        List<Members.Registered> quiet = residents(a, "4号楼", 3);
        Members.Registered alone = residents(a, "3号楼", 1).get(0);
        Members.Registered ofB = TimeBank.paidMember(b, Members.building(b, "1号楼"));
        PostedTransfer tooMuch = credit(a.code(), east.get(0), Points.of(3));
        credit(a.code(), east.get(1), Points.of(1));
        ledger.post(new TransferRequest(TransferKind.CORRECTION, a.code(), tooMuch.to(),
                Party.system(AccountType.ISSUANCE), Points.of(1) / 2, new TransferRequest.Reference("DISPUTE", "test"),
                tooMuch.id(), "correction:" + UUID.randomUUID(), "steward", null));
        credit(b.code(), west.get(2), Points.ofMinutes(90));
        credit(a.code(), alone, Points.of(7));
        credit(b.code(), ofB, Points.of(7));
        YearMonth month = YearMonth.now(BusinessClock.ZONE);
        String board = "/api/branches/" + a.code() + "/leaderboard?month=" + month;
        String job = "/api/admin/jobs/leaderboard/runs?day=";
        String reader = quiet.get(0).token();

        as(reader).get(board).then().statusCode(200).body("published", equalTo(false)).body("rows", hasSize(0));
        as(Api.admin()).post(job + month.plusMonths(1).atDay(4)).then().statusCode(200).body("created", equalTo(0));
        as(Api.admin()).post(job + month.plusMonths(1).atDay(5)).then().statusCode(200);

        String published = as(reader).get(board).then().statusCode(200)
                .body("published", equalTo(true))
                .body("rows", equalTo(List.of(Map.of("building", "1号楼", "points", "3.50"),
                        Map.of("building", "2号楼", "points", "1.50"), Map.of("building", "4号楼", "points", "0.00"))))
                .extract().asString();
        assertThat(published).doesNotContain("3号楼").doesNotContain("王秀英")
                .doesNotContain(east.get(0).memberId()).doesNotContain(east.get(0).username());

        credit(a.code(), west.get(0), Points.of(10));
        as(Api.admin()).post(job + month.plusMonths(1).atDay(5)).then().statusCode(200);
        as(ofB.token()).get(board).then().statusCode(200).body("rows[1].points", equalTo("1.50"));
        as(reader).get("/api/branches/" + a.code() + "/leaderboard?month=2026-13").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-month"));
    }
}
