package cn.tongyi.core.governance;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Finance;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GovernanceTest {

    private static final String PROBLEM = "urn:tongyi:problem:";

    @Inject
    GovernanceBodies bodies;

    @Inject
    Database database;

    @Test
    @DisplayName("R-FIN-2: the head seats at most 10 co-creation members on the representative council; an ended seat "
            + "stays in the history, and the council of any day can be told")
    void council() {
        Api.OnboardedBranch branch = Api.onboardActive("councilgov");
        long building = Members.building(branch, "1号楼");
        String base = "/api/branches/" + branch.code() + "/governance/council";
        List<Members.Registered> council = Finance.council(branch, building, 10);
        Members.Registered eleventh = Finance.coCreationMember(branch, building);
        Members.Registered trial = Members.registerOnline(branch, building);
        Members.payFee(branch, trial.memberId(), "TRIAL");
        as(branch.headToken()).body(Map.of("memberId", eleventh.memberId())).post(base + "/seats").then()
                .statusCode(409).body("type", equalTo(PROBLEM + "council-full"));
        as(branch.headToken()).body(Map.of("memberId", council.get(0).memberId())).post(base + "/seats").then()
                .statusCode(409).body("type", equalTo(PROBLEM + "already-seated"));
        as(branch.headToken()).body(Map.of("memberId", trial.memberId())).post(base + "/seats").then()
                .statusCode(422).body("type", equalTo(PROBLEM + "not-co-creation-member"));
        as(Api.staff(branch, "FINANCE")).body(Map.of("memberId", eleventh.memberId())).post(base + "/seats").then()
                .statusCode(403);

        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        MovableClock.moveOn(Duration.ofDays(1));
        as(branch.headToken()).delete(base + "/seats/" + council.get(0).memberId()).then().statusCode(200)
                .body("endedOn", equalTo(today.plusDays(1).toString()));
        as(branch.headToken()).body(Map.of("memberId", eleventh.memberId())).post(base + "/seats").then()
                .statusCode(201);
        as(council.get(1).token()).get(base).then().statusCode(200).body("members", hasSize(10))
                .body("members.memberId", not(hasItem(council.get(0).memberId())))
                .body("members[0].name", equalTo("王**"));
        as(council.get(1).token()).queryParam("date", today.toString()).get(base).then()
                .body("members.memberId", hasItem(council.get(0).memberId()));
        as(branch.headToken()).get(base + "/history").then().statusCode(200).body("", hasSize(11));

        BranchCode code = new BranchCode(branch.code());
        long first = Api.personId(council.get(0).token());
        assertThat(bodies.councillor(code, first, today)).isPresent();
        assertThat(bodies.councillor(code, first, today.plusDays(1))).isEmpty();
        assertThat(bodies.council(code, today.plusDays(1))).hasSize(10);
    }

    @Test
    @DisplayName("R-FIN-4: a quarter's supervision group is exactly 3 co-creation members who are not staff; "
            + "a new appointment replaces the old one, and the service answers who sits on it for a date")
    void supervisionGroup() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("groupgov");
        long building = Members.building(branch, "1号楼");
        List<Members.Registered> members = List.of(Finance.coCreationMember(branch, building),
                Finance.coCreationMember(branch, building), Finance.coCreationMember(branch, building),
                Finance.coCreationMember(branch, building));
        Quarter quarter = Quarter.of(LocalDate.now(BusinessClock.ZONE));
        String path = "/api/branches/" + branch.code() + "/governance/supervision-groups/" + quarter;
        as(branch.headToken()).body(Map.of("memberIds", List.of(members.get(0).memberId(), members.get(1).memberId())))
                .put(path).then().statusCode(400).body("type", equalTo(PROBLEM + "group-size"));
        as(branch.headToken()).body(Map.of("memberIds", List.of(members.get(0).memberId(), members.get(0).memberId(),
                members.get(1).memberId()))).put(path).then().statusCode(400);
        as(branch.headToken()).body(Map.of("memberIds", List.of(members.get(0).memberId())))
                .put("/api/branches/" + branch.code() + "/governance/supervision-groups/2026-Q5").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "invalid-quarter"));
        as(branch.headToken()).body(Map.of("memberIds", members.subList(0, 3).stream()
                .map(Members.Registered::memberId).toList())).put(path).then().statusCode(200)
                .body("members", hasSize(3));

        BranchCode code = new BranchCode(branch.code());
        long first = Api.personId(members.get(0).token());
        long fourth = Api.personId(members.get(3).token());
        assertThat(bodies.sitsOnSupervisionGroup(code, first, quarter.firstDay())).isTrue();
        assertThat(bodies.sitsOnSupervisionGroup(code, fourth, quarter.lastDay())).isFalse();
        assertThat(bodies.sitsOnSupervisionGroup(code, first, quarter.lastDay().plusDays(1))).isFalse();

        as(branch.headToken()).body(Map.of("memberIds", members.subList(1, 4).stream()
                .map(Members.Registered::memberId).toList())).put(path).then().statusCode(200);
        assertThat(bodies.sitsOnSupervisionGroup(code, first, quarter.firstDay())).isFalse();
        assertThat(bodies.sitsOnSupervisionGroup(code, fourth, quarter.firstDay())).isTrue();
        as(members.get(3).token()).get(path).then().statusCode(200).body("members", hasSize(3));
    }

    @Test
    @DisplayName("R-FIN-4: the branch's staff never sit on the supervision group that checks their books")
    void staffDoNotSupervise() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("staffgov");
        long building = Members.building(branch, "1号楼");
        List<Members.Registered> members = List.of(Finance.coCreationMember(branch, building),
                Finance.coCreationMember(branch, building), Finance.coCreationMember(branch, building));
        database.update(
                "INSERT INTO platform.role_grant (person_id, branch_code, role, granted_by, granted_at) "
                        + "VALUES (?, ?, 'STEWARD', 'test', now())", Api.personId(members.get(2).token()),
                branch.code());
        as(branch.headToken()).body(Map.of("memberIds", members.stream().map(Members.Registered::memberId).toList()))
                .put("/api/branches/" + branch.code() + "/governance/supervision-groups/"
                        + Quarter.of(LocalDate.now(BusinessClock.ZONE))).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "staff-cannot-supervise"));
    }
}
