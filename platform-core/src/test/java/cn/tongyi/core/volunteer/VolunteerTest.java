package cn.tongyi.core.volunteer;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class VolunteerTest {

    @Test
    @DisplayName("R-VOL-1: applicants are 18 to 70 years old, from the birth date in their ID number")
    void ageLimits() {
        Api.OnboardedBranch branch = Api.onboard("volage");
        long building = Members.building(branch, "1号楼");
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        Members.Registered tooYoung = Members.registerOnline(branch, building,
                Members.idNumber(today.minusYears(18).plusDays(1)), null);
        Members.Registered justEighteen = Members.registerOnline(branch, building,
                Members.idNumber(today.minusYears(18)), null);
        Members.Registered seventyOne = Members.registerOnline(branch, building,
                Members.idNumber(today.minusYears(71)), null);

        apply(branch, tooYoung.token()).then().statusCode(422).body("type", equalTo("urn:tongyi:problem:volunteer-age"));
        apply(branch, seventyOne.token()).then().statusCode(422);
        apply(branch, justEighteen.token()).then().statusCode(201).body("status", equalTo("IN_TRAINING"));
        apply(branch, justEighteen.token()).then().statusCode(409);
    }

    @Test
    @DisplayName("R-VOL-1: the certificate number is issued only after both training days and a passed scenario test")
    void certification() {
        // a long branch code (about 30 characters): the certificate number must still fit
        Api.OnboardedBranch branch = Api.onboard("volcertification");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        String stewardElsewhere = Members.steward(branch, Members.building(branch, "2号楼"));
        Members.Registered member = Members.registerOnline(branch, building);
        String volunteer = "/api/branches/" + branch.code() + "/volunteers/" + member.memberId();
        apply(branch, member.token()).then().statusCode(201);

        as(steward).body(Map.of("passed", true)).put(volunteer + "/scenario-test").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:training-incomplete"));
        as(steward).body(Map.of("day1", true)).put(volunteer + "/training").then().statusCode(200)
                .body("certificateNo", nullValue());
        as(stewardElsewhere).body(Map.of("day2", true)).put(volunteer + "/training").then().statusCode(404);
        as(steward).body(Map.of("day2", true)).put(volunteer + "/training").then().statusCode(200)
                .body("certificateNo", nullValue());
        as(steward).body(Map.of("passed", false)).put(volunteer + "/scenario-test").then().statusCode(200)
                .body("status", equalTo("IN_TRAINING")).body("certificateNo", nullValue());
        as(steward).body(Map.of("passed", true)).put(volunteer + "/scenario-test").then().statusCode(200)
                .body("status", equalTo("CERTIFIED"))
                .body("certificateNo", matchesPattern("^TYZG-" + branch.code().toUpperCase() + "-\\d{4}-\\d{5}$"));

        as(Api.login(member.username(), Api.PASSWORD)).get("/api/me").then()
                .body("grants." + branch.code(), hasItem("VOLUNTEER"));
    }

    @Test
    @DisplayName("R-VOL-2: skill tags come from the branch's own editable list")
    void skills() {
        Api.OnboardedBranch branch = Api.onboard("volskill");
        long building = Members.building(branch, "1号楼");
        Members.Registered member = Members.registerOnline(branch, building);
        String tags = "/api/branches/" + branch.code() + "/skill-tags";

        as(branch.headToken()).body(Map.of("code", "CALLIGRAPHY", "nameZh", "书法", "nameEn", "Calligraphy"))
                .post(tags).then().statusCode(201);
        as(member.token()).get(tags).then().statusCode(200).body("code", hasItem("CALLIGRAPHY"));
        as(member.token()).body(Map.of("code", "X_TAG", "nameZh", "x", "nameEn", "x")).post(tags)
                .then().statusCode(403);

        as(member.token()).body(Map.of("skills", List.of("SHOPPING", "NO_SUCH")))
                .post("/api/branches/" + branch.code() + "/volunteers")
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:unknown-skill"));
        as(member.token()).body(Map.of("skills", List.of("SHOPPING", "CALLIGRAPHY")))
                .post("/api/branches/" + branch.code() + "/volunteers")
                .then().statusCode(201).body("skills", containsInAnyOrder("SHOPPING", "CALLIGRAPHY"))
                .body("buildingId", equalTo((int) building));
        as(branch.headToken()).delete(tags + "/CALLIGRAPHY").then().statusCode(204);
        as(member.token()).body(Map.of("skills", List.of("CALLIGRAPHY")))
                .put("/api/branches/" + branch.code() + "/volunteers/" + member.memberId() + "/skills")
                .then().statusCode(400);
    }

    @Test
    @DisplayName("R-VOL-3: a volunteer is suspended until a date, then certified again")
    void suspension() {
        Api.OnboardedBranch branch = Api.onboard("volsusp");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered member = Members.registerOnline(branch, building);
        String volunteer = "/api/branches/" + branch.code() + "/volunteers/" + member.memberId();
        apply(branch, member.token()).then().statusCode(201);
        LocalDate nextWeek = LocalDate.now(BusinessClock.ZONE).plusWeeks(1);

        as(steward).body(Map.of("until", nextWeek.toString(), "reason", "x")).put(volunteer + "/suspension")
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:not-certified"));
        as(steward).body(Map.of("day1", true, "day2", true)).put(volunteer + "/training").then().statusCode(200);
        as(steward).body(Map.of("passed", true)).put(volunteer + "/scenario-test").then().statusCode(200);
        as(steward).body(Map.of("until", nextWeek.toString(), "reason", "服务不达标,需重新培训"))
                .put(volunteer + "/suspension").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspendedUntil", equalTo(nextWeek.toString()));
        as(steward).delete(volunteer + "/suspension").then().statusCode(200).body("status", equalTo("CERTIFIED"));
    }

    @Test
    @DisplayName("R-VOL-3: a volunteer suspended after receiving an offer loses it and cannot accept it; the request "
            + "is left without an open offer for its stewards to see")
    void suspensionWithdrawsOffers() {
        Api.OnboardedBranch branch = Api.onboardActive("susoffer");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        long id = TimeBank.posted(resident.token(), branch.code(), TimeBank.request("SHOPPING",
                OffsetDateTime.now(BusinessClock.ZONE).plusDays(1), null, 60, false));
        TimeBank.review(steward, branch.code(), id, true, null).then().statusCode(200).body("offers", hasSize(1));
        String offers = "/api/branches/" + branch.code() + "/service-requests/offers";
        as(volunteer.token()).get(offers).then().statusCode(200).body("requestId", hasItem(Ids.request(id)));

        as(steward).body(Map.of("until", LocalDate.now(BusinessClock.ZONE).plusWeeks(1).toString(),
                        "reason", "投诉核实:服务不达标"))
                .put("/api/branches/" + branch.code() + "/volunteers/" + volunteer.memberId() + "/suspension")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as(volunteer.token()).get(offers).then().statusCode(200).body("", hasSize(0));
        TimeBank.accept(volunteer.token(), branch.code(), id).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:volunteer-suspended"));
        as(steward).get("/api/branches/" + branch.code() + "/service-requests/" + Ids.request(id)).then()
                .body("status", equalTo("OFFERED")).body("volunteerMemberId", nullValue());
    }

    private static io.restassured.response.Response apply(Api.OnboardedBranch branch, String token) {
        return as(token).body(Map.of("skills", List.of("SHOPPING")))
                .post("/api/branches/" + branch.code() + "/volunteers");
    }
}
