package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.anonymous;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberRegistrationTest {

    @Inject
    Database database;

    @Test
    @DisplayName("R-MEMBER-1: online self-registration creates a login and a member of the home branch")
    void selfRegistration() {
        Api.OnboardedBranch branch = Api.onboard("selfreg");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);

        as(member.token()).get("/api/me").then().statusCode(200)
                .body("homeBranch", equalTo(branch.code()))
                .body("grants." + branch.code(), hasItem("MEMBER"));
        as(member.token()).get("/api/branches/" + branch.code() + "/members/me").then().statusCode(200)
                .body("id", equalTo(member.memberId()))
                .body("privateDataInClear", equalTo(true))
                .body("idNumber", equalTo(member.idNumber()))
                .body("phone", equalTo(member.phone()))
                .body("status", equalTo("REGISTERED"))
                .body("registration.channel", equalTo("ONLINE"));
    }

    @Test
    @DisplayName("R-MEMBER-1: a steward registers a resident without a phone from the paper form, flagged steward-entered")
    void paperRegistrationBySteward() {
        Api.OnboardedBranch branch = Api.onboard("paper");
        long building = Members.building(branch, "2号楼");
        String steward = Members.steward(branch, building);
        Map<String, Object> details = new HashMap<>(Members.details(building, Members.idNumberOfAge(82), "x"));
        details.remove("phone");

        String memberId = as(steward).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("member", details, "paperFormNo", "HY-2026-0042"))
                .post("/api/branches/" + branch.code() + "/members")
                .then().statusCode(201)
                .body("registration.channel", equalTo("STEWARD"))
                .body("registration.paperFormNo", equalTo("HY-2026-0042"))
                .body("phone", nullValue())
                .extract().path("id");
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/members/" + memberId).then().statusCode(200)
                .body("registration.enteredBy", equalTo(as(steward).get("/api/me").then().extract().path("username")));

        long otherBuilding = Members.building(branch, "3号楼");
        Map<String, Object> elsewhere = new HashMap<>(Members.details(otherBuilding, Members.idNumberOfAge(70),
                Members.phone()));
        as(steward).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("member", elsewhere, "paperFormNo", "HY-2026-0043"))
                .post("/api/branches/" + branch.code() + "/members")
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:not-your-building"));
        as(steward).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("member", Members.details(building, Members.idNumberOfAge(70), Members.phone())))
                .post("/api/branches/" + branch.code() + "/members")
                .then().statusCode(400).body("errors.field", hasItem("paperFormNo"));
    }

    @Test
    @DisplayName("R-MEMBER-1: ID numbers need the GB 11643 check digit; phones must be mainland mobiles")
    void validation() {
        Api.OnboardedBranch branch = Api.onboard("valid");
        long building = Members.building(branch, "1号楼");
        String good = Members.idNumberOfAge(50);
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        register(branch, building, good.substring(0, 17) + wrong, Members.phone())
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:invalid-id-number"))
                .body("errors.field", hasItem("idNumber"));
        register(branch, building, Members.idNumberOfAge(50), "12345")
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:invalid-phone"));
        Map<String, Object> details = new HashMap<>(Members.details(building, Members.idNumberOfAge(50),
                Members.phone()));
        details.put("unit", 7);
        anonymous().body(Map.of("branch", branch.code(), "username", Api.newUsername("u"), "password", Api.PASSWORD,
                        "member", details))
                .post("/api/member-registrations")
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:unknown-unit"));
        register(new Api.OnboardedBranch("no_such_branch", "", ""), building,
                Members.idNumberOfAge(50), Members.phone()).then().statusCode(404);
    }

    @Test
    @DisplayName("R-MEMBER-1: a registration with an ID or phone number, or a username, already registered anywhere "
            + "in the alliance gets the same answer as a new one, stores nothing, and the real member is told in their "
            + "own inbox")
    void duplicatesAcrossTheAllianceLookLikeNewRegistrations() {
        Api.OnboardedBranch first = Api.onboard("dupa");
        Api.OnboardedBranch second = Api.onboard("dupb");
        long buildingA = Members.building(first, "1号楼");
        long buildingB = Members.building(second, "1号楼");
        Members.Registered existing = Members.registerOnline(first, buildingA);
        long members = database.count("SELECT count(*) FROM platform.member_fingerprint");

        String fresh = Api.newUsername("u");
        Map<String, Object> answer = register(second, buildingB, fresh, Members.idNumberOfAge(33), Members.phone())
                .then().statusCode(202).extract().as(Map.class);
        Map<String, String> duplicates = Map.of(
                Api.newUsername("u"), existing.idNumber(),
                Api.newUsername("v"), existing.idNumber().toLowerCase());
        duplicates.forEach((username, idNumber) -> assertThat(
                register(second, buildingB, username, idNumber, Members.phone()).then().statusCode(202)
                        .extract().as(Map.class))
                .isEqualTo(withUsername(answer, username)));
        String samePhone = Api.newUsername("w");
        assertThat(register(second, buildingB, samePhone, Members.idNumberOfAge(34), existing.phone()).then()
                .statusCode(202).extract().as(Map.class)).isEqualTo(withUsername(answer, samePhone));
        assertThat(register(second, buildingB, existing.username(), Members.idNumberOfAge(35), Members.phone())
                .then().statusCode(202).extract().as(Map.class)).isEqualTo(withUsername(answer, existing.username()));

        assertThat(database.count("SELECT count(*) FROM platform.member_fingerprint"))
                .as("only the fresh registration stored a member").isEqualTo(members + 2);
        for (String username : List.of(duplicates.keySet().iterator().next(), samePhone)) {
            anonymous().body(Map.of("username", username, "password", Api.PASSWORD)).post("/api/auth/login")
                    .then().statusCode(401);
        }
        Api.login(fresh, Api.PASSWORD);
        as(existing.token()).get("/api/branches/" + first.code() + "/inbox").then().statusCode(200)
                .body("messages.kind", hasItem("REGISTRATION_ATTEMPT"))
                .body("messages.findAll { it.kind == 'REGISTRATION_ATTEMPT' }.size()", equalTo(1));
    }

    private static Map<String, Object> withUsername(Map<String, Object> answer, String username) {
        Map<String, Object> expected = new HashMap<>(answer);
        expected.put("username", username.toLowerCase());
        return expected;
    }

    private static io.restassured.response.Response register(Api.OnboardedBranch branch, long building,
            String username, String idNumber, String phone) {
        return anonymous().body(Map.of("branch", branch.code(), "username", username,
                        "password", Api.PASSWORD, "member", Members.details(building, idNumber, phone)))
                .post("/api/member-registrations");
    }

    private static io.restassured.response.Response register(Api.OnboardedBranch branch, long building,
            String idNumber, String phone) {
        return register(branch, building, Api.newUsername("u"), idNumber, phone);
    }
}
