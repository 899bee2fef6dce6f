package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cancellations, no-shows and malicious cancellations. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ServiceCancellationTest {

    @Inject
    LedgerService ledger;

    private static Response cancel(String token, String branch, long id) {
        return as(token).body(Map.of("reason", "家人已陪同"))
                .post("/api/branches/" + branch + "/service-requests/" + Ids.request(id) + "/cancellation");
    }

    private static Response finding(String token, String branch, long id, String what) {
        return as(token).body(Map.of("reason", "未到场也未请假"))
                .post("/api/branches/" + branch + "/service-requests/" + Ids.request(id) + "/" + what);
    }

    @Test
    @DisplayName("R-SERVICE-7: a requester cancels at least 2 hours before the start, never later, and only their own")
    void cancellation() {
        Api.OnboardedBranch branch = Api.onboardActive("cancel");
        String code = branch.code();
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered neighbour = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        OffsetDateTime inThreeHours = OffsetDateTime.now(BusinessClock.ZONE).plusHours(3);
        long offered = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING", inThreeHours, null, 60, false));
        long soon = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING", inThreeHours, null, 60, false));
        TimeBank.review(steward, code, offered, true, null).then().statusCode(200).body("offers", hasSize(1));

        cancel(neighbour.token(), code, offered).then().statusCode(404);
        cancel(resident.token(), code, offered).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(volunteer.token()).get("/api/branches/" + code + "/service-requests/offers").then().body("", hasSize(0));
        TimeBank.accept(volunteer.token(), code, offered).then().statusCode(409);
        cancel(resident.token(), code, offered).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:request-not-cancellable"));

        MovableClock.installShiftedBy(Duration.ofMinutes(61));
        cancel(resident.token(), code, soon).then().statusCode(409).body("type", equalTo("urn:tongyi:problem:too-late"));
    }

    @Test
    @DisplayName("R-SERVICE-8, R-LEDGER-5: a volunteer no-show, recorded 15 minutes after the start at the earliest, "
            + "costs 5 points once, flooring at zero with the shortfall recorded; a repeat says nothing new happened")
    void noShow() {
        Api.OnboardedBranch branch = Api.onboardActive("noshow");
        String code = branch.code();
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        long volunteerPerson = Api.personId(volunteer.token());
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, code, volunteerPerson, Points.of(3),
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
        long id = TimeBank.posted(resident.token(), code, TimeBank.request("SHOPPING",
                OffsetDateTime.now(BusinessClock.ZONE).plusDays(1), null, 60, false));
        finding(steward, code, id, "no-show").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:request-not-accepted"));
        TimeBank.review(steward, code, id, true, null).then().statusCode(200);
        TimeBank.accept(volunteer.token(), code, id).then().statusCode(200);

        finding(resident.token(), code, id, "no-show").then().statusCode(403);
        finding(steward, code, id, "no-show").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:service-not-started"));
        MovableClock.installShiftedBy(Duration.ofDays(1).plusMinutes(16));
        finding(steward, code, id, "no-show").then().statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("request.status", equalTo("NO_SHOW")).body("penalty", equalTo("5.00"))
                .body("deducted", equalTo("3.00")).body("shortfall", equalTo("2.00"));
        finding(steward, code, id, "no-show").then().statusCode(200).body("deducted", equalTo("3.00"))
                .header("Idempotent-Replayed", "true");
        as(volunteer.token()).get("/api/me/points").then().body("points", equalTo("0.00"));
        as(volunteer.token()).get("/api/me/points/entries").then().body("entries[0].kind", equalTo("PENALTY"))
                .body("entries", hasSize(2));
    }

    @Test
    @DisplayName("R-SERVICE-9, R-COMPLAINT-3: a cancellation judged malicious in branch B freezes the requester's "
            + "posting in their home branch A for a month")
    void maliciousCancellation() {
        Api.OnboardedBranch a = Api.onboardActive("malhome");
        Api.OnboardedBranch b = Api.onboardActive("malaway");
        long buildingOfA = Members.building(a, "1号楼");
        Members.Registered resident = TimeBank.paidMember(a, buildingOfA);
        String stewardOfB = Members.steward(b, Members.building(b, "7号楼"));
        OffsetDateTime tomorrow = OffsetDateTime.now(BusinessClock.ZONE).plusDays(1);
        long id = TimeBank.posted(resident.token(), b.code(), TimeBank.request("REPAIR", tomorrow, null, 60, false));
        finding(stewardOfB, b.code(), id, "malicious-cancellation").then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:request-not-cancelled"));
        cancel(resident.token(), b.code(), id).then().statusCode(200);

        String until = LocalDate.now(BusinessClock.ZONE).plusMonths(1).toString();
        finding(stewardOfB, b.code(), id, "malicious-cancellation").then().statusCode(200)
                .body("requesterFrozenUntil", equalTo(until));
        finding(stewardOfB, b.code(), id, "malicious-cancellation").then().statusCode(200)
                .body("requesterFrozenUntil", equalTo(until));
        TimeBank.post(resident.token(), a.code(), TimeBank.request("REPAIR", tomorrow, null, 60, false))
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:member-frozen"));
        TimeBank.post(resident.token(), b.code(), TimeBank.request("REPAIR", tomorrow, null, 60, false))
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:member-frozen"));
        as(a.headToken()).get("/api/branches/" + a.code() + "/members/" + resident.memberId() + "?reason=核对")
                .then().statusCode(200).body("status", equalTo("FROZEN"));
    }
}
