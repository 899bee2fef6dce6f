package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.core.support.TimeBank;
import cn.tongyi.web.BusinessClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Approval offers a request to ranked volunteers; exactly one takes it, or the offers lapse. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ServiceMatchingTest {

    private static final OffsetDateTime TOMORROW = OffsetDateTime.now(BusinessClock.ZONE).plusDays(1).withNano(0);

    @Test
    @DisplayName("R-SERVICE-3, R-VOL-3: approval offers the request to certified volunteers ranked by skill, distance "
            + "and load, with the ranking explained")
    void ranking() {
        Api.OnboardedBranch branch = Api.onboardActive("match");
        String code = branch.code();
        long home = TimeBank.buildingAt(branch, "1号楼", 39.9000, 116.4000);
        long near = TimeBank.buildingAt(branch, "2号楼", 39.9010, 116.4000);
        long far = TimeBank.buildingAt(branch, "9号楼", 39.9100, 116.4000);
        String steward = Members.steward(branch, home);
        Members.Registered resident = TimeBank.paidMember(branch, home);
        Members.Registered nearA = TimeBank.volunteer(branch, near, "SHOPPING");
        Members.Registered nearB = TimeBank.volunteer(branch, near, "SHOPPING", "REPAIR");
        Members.Registered farSkilled = TimeBank.volunteer(branch, far, "SHOPPING");
        Members.Registered nextDoorUnskilled = TimeBank.volunteer(branch, home, "REPAIR");
        Members.Registered suspended = TimeBank.volunteer(branch, home, "SHOPPING");
        as(branch.headToken()).body(Map.of("until", LocalDate.now(BusinessClock.ZONE).plusDays(7).toString(),
                        "reason", "服务不达标"))
                .put("/api/branches/" + code + "/volunteers/" + suspended.memberId() + "/suspension")
                .then().statusCode(200);
        Members.Registered inTraining = TimeBank.paidMember(branch, home);
        as(inTraining.token()).body(Map.of("skills", List.of("SHOPPING")))
                .post("/api/branches/" + code + "/volunteers").then().statusCode(201);

        long first = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING", TOMORROW, home, 60, false));
        Response approved = TimeBank.review(steward, code, first, true, null);
        approved.then().statusCode(200)
                .body("request.status", equalTo("OFFERED"))
                .body("rankedBy", equalTo(VolunteerRanking.EXPLANATION))
                .body("offersExpireAt", notNullValue())
                .body("offers", hasSize(4))
                .body("offers.rank", contains(1, 2, 3, 4))
                .body("offers.skillMatch", contains(true, true, true, false))
                .body("offers[2].volunteerMemberId", equalTo(farSkilled.memberId()))
                .body("offers[3].volunteerMemberId", equalTo(nextDoorUnskilled.memberId()))
                .body("offers[3].metres", equalTo(0));
        assertThat(approved.<Integer>path("offers[0].metres")).isBetween(100, 125);
        assertThat(approved.<Integer>path("offers[2].metres")).isBetween(1100, 1130);
        assertThat(List.of(approved.<String>path("offers[0].volunteerMemberId"),
                approved.<String>path("offers[1].volunteerMemberId")))
                .containsExactlyInAnyOrder(nearA.memberId(), nearB.memberId());

        as(nearA.token()).get("/api/branches/" + code + "/service-requests/offers").then().statusCode(200)
                .body("requestId", contains(Ids.request(first))).body("[0].serviceType", equalTo("SHOPPING"));
        as(suspended.token()).get("/api/branches/" + code + "/service-requests/offers").then().body("", hasSize(0));
        TimeBank.accept(suspended.token(), code, first).then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:offer-not-found"));
        TimeBank.accept(nearA.token(), code, first).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("volunteerMemberId", equalTo(nearA.memberId()));

        long second = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING", TOMORROW, home, 60, false));
        TimeBank.review(steward, code, second, true, null).then().statusCode(200)
                .body("offers[0].volunteerMemberId", equalTo(nearB.memberId())).body("offers[0].openOrders", equalTo(0))
                .body("offers[1].volunteerMemberId", equalTo(nearA.memberId())).body("offers[1].openOrders", equalTo(1));
    }

    @Test
    @DisplayName("R-SERVICE-4: of 8 concurrent acceptances by the offered volunteers exactly one volunteer wins; the "
            + "others get 409 request-taken")
    void exactlyOneVolunteerTakesIt() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("race");
        String code = branch.code();
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        List<Members.Registered> volunteers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            volunteers.add(TimeBank.volunteer(branch, building, "REPAIR"));
        }
        long request = TimeBank.posted(resident.token(), code, TimeBank.request("REPAIR", TOMORROW, building, 30, false));
        TimeBank.review(steward, code, request, true, null).then().statusCode(200).body("offers", hasSize(5));

        // Each of the five offered volunteers accepts; three of them press the button twice.
        List<Members.Registered> callers = new ArrayList<>(volunteers);
        callers.addAll(volunteers.subList(0, 3));
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Members.Registered caller : callers) {
            futures.add(pool.submit(() -> {
                start.await();
                return TimeBank.accept(caller.token(), code, request);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        String winner = as(steward).get("/api/branches/" + code + "/service-requests?status=ACCEPTED").then()
                .body("id", contains(Ids.request(request))).extract().path("[0].volunteerMemberId");
        for (int i = 0; i < callers.size(); i++) {
            Response response = responses.get(i);
            if (callers.get(i).memberId().equals(winner)) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.<String>path("volunteerMemberId")).isEqualTo(winner);
            } else {
                assertThat(response.statusCode()).as("a volunteer who did not win").isEqualTo(409);
                assertThat(response.<String>path("type")).isEqualTo("urn:tongyi:problem:request-taken");
            }
        }
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)
                .map(r -> r.<String>path("volunteerMemberId")).distinct()).containsExactly(winner);
        for (Members.Registered volunteer : volunteers) {
            as(volunteer.token()).get("/api/branches/" + code + "/service-requests/offers").then().body("", hasSize(0));
        }
    }

    @Test
    @DisplayName("R-SERVICE-4: an offer not accepted within 2 hours lapses and the stewards are alerted once")
    void offersLapse() {
        Api.OnboardedBranch branch = Api.onboardActive("lapse");
        String code = branch.code();
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "PHONE_HELP");
        long request = TimeBank.posted(resident.token(), code,
                TimeBank.request("PHONE_HELP", TOMORROW, building, 30, false));
        TimeBank.review(steward, code, request, true, null).then().statusCode(200).body("offers", hasSize(1));
        String job = "/api/admin/jobs/offer-lapses/runs";
        as(Api.admin()).post(job).then().statusCode(200);
        as(steward).get("/api/branches/" + code + "/inbox").then().body("messages", hasSize(0));

        MovableClock.installShiftedBy(Duration.ofHours(2).plusMinutes(1));
        as(volunteer.token()).get("/api/branches/" + code + "/service-requests/offers").then().body("", hasSize(0));
        TimeBank.accept(volunteer.token(), code, request).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:offer-lapsed"));
        as(Api.admin()).post(job).then().statusCode(200);
        as(Api.admin()).post(job).then().statusCode(200);
        as(steward).get("/api/branches/" + code + "/inbox").then()
                .body("messages", hasSize(1)).body("messages[0].kind", equalTo("OFFER_LAPSED"));
        TimeBank.accept(volunteer.token(), code, request).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:offer-lapsed"));
    }

    @Test
    @DisplayName("R-SERVICE-4: after the offers lapsed a steward offers the request again, only to volunteers not "
            + "asked before, and a second lapse alerts again")
    void lapsedRequestOfferedAgain() {
        Api.OnboardedBranch branch = Api.onboardActive("reoffer");
        String code = branch.code();
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered first = TimeBank.volunteer(branch, building, "PHONE_HELP");
        long request = TimeBank.posted(resident.token(), code,
                TimeBank.request("PHONE_HELP", TOMORROW, building, 30, false));
        TimeBank.review(steward, code, request, true, null).then().statusCode(200).body("offers", hasSize(1));
        String offers = "/api/branches/" + code + "/service-requests/" + Ids.request(request) + "/offers";
        Api.idempotent(steward).post(offers).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:offers-still-open"));

        MovableClock.installShiftedBy(Duration.ofHours(2).plusMinutes(1));
        String lapses = "/api/admin/jobs/offer-lapses/runs";
        as(Api.admin()).post(lapses).then().statusCode(200);
        Members.Registered second = TimeBank.volunteer(branch, building, "PHONE_HELP");
        Api.idempotent(steward).post(offers).then().statusCode(200)
                .body("offers", hasSize(1)).body("offers[0].volunteerMemberId", equalTo(second.memberId()))
                .body("rankedBy", notNullValue());
        TimeBank.accept(first.token(), code, request).then().statusCode(409);

        MovableClock.installShiftedBy(Duration.ofHours(4).plusMinutes(2));
        as(Api.admin()).post(lapses).then().statusCode(200);
        as(steward).get("/api/branches/" + code + "/inbox").then()
                .body("messages.kind", contains("OFFER_LAPSED", "OFFER_LAPSED"));
        Api.idempotent(steward).post(offers).then().statusCode(200).body("offers", hasSize(0));

        Members.Registered third = TimeBank.volunteer(branch, building, "PHONE_HELP");
        Api.idempotent(steward).post(offers).then().statusCode(200).body("offers", hasSize(1));
        TimeBank.accept(third.token(), code, request).then().statusCode(200);
        Api.idempotent(steward).post(offers).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:request-not-offered"));
    }
}
