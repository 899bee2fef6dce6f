package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberLifecycleTest {

    @Test
    @DisplayName("R-MEMBER-8: a member is frozen until a date and can be revoked; a revoked member pays no more fees")
    void freezeAndRevoke() {
        Api.OnboardedBranch branch = Api.onboardActive("freeze");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered member = Members.registerOnline(branch, building);
        String path = "/api/branches/" + branch.code() + "/members/" + member.memberId();
        LocalDate inAMonth = LocalDate.now(BusinessClock.ZONE).plusMonths(1);

        as(steward).body(Map.of("until", inAMonth.toString(), "reason", "恶意取消服务")).put(path + "/freeze")
                .then().statusCode(200).body("status", equalTo("FROZEN"))
                .body("frozenUntil", equalTo(inAMonth.toString()));
        as(steward).body(Map.of("until", "2020-01-01", "reason", "x")).put(path + "/freeze").then().statusCode(400);
        as(steward).delete(path + "/freeze").then().statusCode(200).body("status", equalTo("REGISTERED"));

        as(steward).body(Map.of("reason", "严重恶意投诉")).post(path + "/revocation").then().statusCode(403);
        as(branch.headToken()).body(Map.of("reason", "严重恶意投诉")).post(path + "/revocation")
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        as(branch.headToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "TRIAL", "channel", "CASH", "receiptNo", "SJ-" + UUID.randomUUID()))
                .post(path + "/fees").then().statusCode(409).body("type", equalTo("urn:tongyi:problem:membership-revoked"));
    }

    @Test
    @DisplayName("R-MEMBER-3: a steward acting on a member outside their buildings gets 404")
    void stewardOutsideTheirBuildings() {
        Api.OnboardedBranch branch = Api.onboardActive("outside");
        long home = Members.building(branch, "1号楼");
        String stewardElsewhere = Members.steward(branch, Members.building(branch, "2号楼"));
        Members.Registered member = Members.registerOnline(branch, home);
        String path = "/api/branches/" + branch.code() + "/members/" + member.memberId();

        as(stewardElsewhere).body(Map.of("phone", Members.phone())).put(path + "/contact").then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:member-not-found"));
        as(stewardElsewhere).body(Map.of("until", LocalDate.now().plusDays(9).toString(), "reason", "x"))
                .put(path + "/freeze").then().statusCode(404);
        as(stewardElsewhere).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "TRIAL", "channel", "CASH", "receiptNo", "SJ-" + UUID.randomUUID()))
                .post(path + "/fees").then().statusCode(404);
        as(stewardElsewhere).body(Map.of("skills", List.of("SHOPPING"), "memberId", member.memberId()))
                .post("/api/branches/" + branch.code() + "/volunteers").then().statusCode(404);
    }

    @Test
    @DisplayName("R-MEMBER-1: a member cannot set their own role, level, status, balance or ID number")
    void massAssignmentIsIgnored() {
        Api.OnboardedBranch branch = Api.onboardActive("massassign");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        String newPhone = Members.phone();

        as(member.token()).body(Map.of("phone", newPhone, "level", 99, "status", "ACTIVE", "balance", 100000,
                        "roles", List.of("BRANCH_HEAD"), "idNumber", Members.idNumberOfAge(30),
                        "frozenUntil", "2099-01-01"))
                .put("/api/branches/" + branch.code() + "/members/me/contact")
                .then().statusCode(200)
                .body("phone", equalTo(newPhone))
                .body("idNumber", equalTo(member.idNumber()))
                .body("status", equalTo("REGISTERED"))
                .body("frozenUntil", equalTo(null));
        as(Api.login(member.username(), Api.PASSWORD)).get("/api/me").then()
                .body("grants." + branch.code(), not(hasItem("BRANCH_HEAD")));
        as(member.token()).get("/api/branches/" + branch.code() + "/staff").then().statusCode(403);

        Members.Registered other = Members.registerOnline(branch, building);
        Api.anonymous().body(Map.of("branch", branch.code(), "username", Api.newUsername("u"), "password", Api.PASSWORD,
                        "member", Members.details(building, Members.idNumberOfAge(30), newPhone)))
                .post("/api/member-registrations").then().statusCode(202);
        as(other.token()).body(Map.of("phone", newPhone)).put("/api/branches/" + branch.code() + "/members/me/contact")
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:member-exists"));
    }
}
