package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Posting and reviewing requests for help, in the home branch and elsewhere in the alliance. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ServiceRequestTest {

    @Inject
    LedgerService ledger;

    private static OffsetDateTime tomorrow() {
        return OffsetDateTime.now(BusinessClock.ZONE).plusDays(1).withNano(0);
    }

    @Test
    @DisplayName("R-SERVICE-1: a member posts a request, PENDING_REVIEW; the same Idempotency-Key replays it")
    void post() {
        Api.OnboardedBranch branch = Api.onboardActive("svcpost");
        long building = Members.building(branch, "3号楼");
        Members.Registered member = TimeBank.paidMember(branch, building);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TimeBank.request("ESCORT_CLINIC", tomorrow(), building, 90, false);

        String id = as(member.token()).header("Idempotency-Key", key).body(body)
                .post("/api/branches/" + branch.code() + "/service-requests")
                .then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("serviceType", equalTo("ESCORT_CLINIC"))
                .body("expectedMinutes", equalTo(90)).body("payWithPoints", equalTo(false))
                .body("requesterHomeBranch", equalTo(branch.code())).body("overdue", equalTo(false))
                .extract().path("id");
        as(member.token()).header("Idempotency-Key", key).body(body)
                .post("/api/branches/" + branch.code() + "/service-requests")
                .then().statusCode(201).body("id", equalTo(id));
        as(member.token()).get("/api/branches/" + branch.code() + "/service-requests/mine").then().statusCode(200)
                .body("id", contains(id));
    }

    @Test
    @DisplayName("R-SERVICE-1, R-MEMBER-8, R-LEDGER-5: refused up front: bad input, no paid year, frozen, short of points")
    void refusals() {
        Api.OnboardedBranch branch = Api.onboardActive("svcrefuse");
        long building = Members.building(branch, "3号楼");
        Members.Registered member = TimeBank.paidMember(branch, building);
        String code = branch.code();

        TimeBank.post(member.token(), code, TimeBank.request("ESCORT_CLINIC", tomorrow(), building, 50, false))
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:invalid-duration"));
        TimeBank.post(member.token(), code, TimeBank.request("ESCORT_CLINIC", tomorrow(), building, 495, false))
                .then().statusCode(400);
        TimeBank.post(member.token(), code, TimeBank.request("ESCORT_CLINIC", tomorrow().minusDays(2), building, 60,
                false)).then().statusCode(400).body("type", equalTo("urn:tongyi:problem:starts-in-past"));
        TimeBank.post(member.token(), code, TimeBank.request("DANCING", tomorrow(), building, 60, false))
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:unknown-service-type"));
        TimeBank.post(member.token(), code, TimeBank.request("SHOPPING", tomorrow(), 999_999L, 60, false))
                .then().statusCode(400).body("type", equalTo("urn:tongyi:problem:unknown-building"));

        Members.Registered unpaid = Members.registerOnline(branch, building);
        TimeBank.post(unpaid.token(), code, TimeBank.request("SHOPPING", tomorrow(), building, 60, false))
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:membership-inactive"));

        long person = Api.personId(member.token());
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, code, person, Points.ofMinutes(45),
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
        TimeBank.post(member.token(), code, TimeBank.request("SHOPPING", tomorrow(), building, 60, true))
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:insufficient-points"))
                .body("balance", equalTo("0.75")).body("requested", equalTo("1.00"));
        TimeBank.post(member.token(), code, TimeBank.request("SHOPPING", tomorrow(), building, 45, true))
                .then().statusCode(201);

        as(branch.headToken()).body(Map.of("until", LocalDate.now(BusinessClock.ZONE).plusMonths(1).toString(),
                        "reason", "恶意取消服务"))
                .put("/api/branches/" + code + "/members/" + member.memberId() + "/freeze").then().statusCode(200);
        TimeBank.post(member.token(), code, TimeBank.request("SHOPPING", tomorrow(), building, 45, false))
                .then().statusCode(409).body("type", equalTo("urn:tongyi:problem:member-frozen"));
    }

    @Test
    @DisplayName("R-LEDGER-2, R-SERVICE-1: a member of branch A posts in ACTIVE branch B, never in a branch not yet open")
    void crossBranch() {
        Api.OnboardedBranch a = Api.onboardActive("svchome");
        Api.OnboardedBranch b = Api.onboardActive("svcaway");
        Api.OnboardedBranch preparing = Api.onboard("svcprep");
        Members.Registered member = TimeBank.paidMember(a, Members.building(a, "1号楼"));
        String steward = Members.steward(b, Members.building(b, "9号楼"));

        String id = TimeBank.post(member.token(), b.code(), TimeBank.request("SHOPPING", tomorrow(), null, 30, false))
                .then().statusCode(201).body("requesterHomeBranch", equalTo(a.code()))
                .body("requesterName", equalTo("王秀英")).extract().path("id");
        as(member.token()).get("/api/branches/" + b.code() + "/service-requests/mine").then().statusCode(200)
                .body("id", contains(id));
        as(member.token()).get("/api/branches/" + a.code() + "/service-requests/mine").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as(steward).get("/api/branches/" + b.code() + "/service-requests").then().statusCode(200)
                .body("id", hasItem(id));

        as(member.token()).get("/api/branches/" + b.code() + "/service-requests").then().statusCode(404);
        as(member.token()).get("/api/branches/" + b.code() + "/members").then().statusCode(404);
        TimeBank.post(member.token(), preparing.code(), TimeBank.request("SHOPPING", tomorrow(), null, 30, false))
                .then().statusCode(404).body("type", equalTo("urn:tongyi:problem:branch-not-found"));
        TimeBank.post(member.token(), "no_such_branch", TimeBank.request("SHOPPING", tomorrow(), null, 30, false))
                .then().statusCode(404);
        TimeBank.post(steward, a.code(), TimeBank.request("SHOPPING", tomorrow(), null, 30, false))
                .then().statusCode(404);
    }

    @Test
    @DisplayName("R-SERVICE-2: stewards see requests waiting over 30 minutes as overdue, and approve or reject them")
    void review() {
        Api.OnboardedBranch branch = Api.onboardActive("svcreview");
        long building = Members.building(branch, "3号楼");
        String steward = Members.steward(branch, building);
        Members.Registered member = TimeBank.paidMember(branch, building);
        String code = branch.code();
        long first = TimeBank.posted(member.token(), code, TimeBank.request("REPAIR", tomorrow(), building, 60, false));
        long second = TimeBank.posted(member.token(), code, TimeBank.request("REPAIR", tomorrow(), building, 60, false));
        String list = "/api/branches/" + code + "/service-requests?status=PENDING_REVIEW";

        as(steward).get(list).then().statusCode(200).body("overdue", contains(false, false));
        MovableClock.installShiftedBy(Duration.ofMinutes(31));
        as(branch.headToken()).get(list).then().statusCode(200).body("id", contains(Ids.request(first), Ids.request(second)))
                .body("overdue", contains(true, true));

        TimeBank.review(steward, code, first, false, null).then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:reason-required"));
        TimeBank.review(steward, code, first, false, "重复发布").then().statusCode(200)
                .body("request.status", equalTo("REJECTED")).body("request.reviewReason", equalTo("重复发布"))
                .body("request.overdue", equalTo(false)).body("offers", hasSize(0));
        TimeBank.review(steward, code, first, true, null).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:request-not-pending"));
        as(steward).get(list).then().body("id", contains(Ids.request(second)));
        TimeBank.review(member.token(), code, second, true, null).then().statusCode(403);
    }
}
