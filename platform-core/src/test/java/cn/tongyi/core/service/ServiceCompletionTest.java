package cn.tongyi.core.service;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.privacy.OpaqueIds;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Confirmation of a service moves its points exactly once, across branches too; evidence is attached. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ServiceCompletionTest {


    @Inject
    LedgerService ledger;

    /** A request of the resident in the branch, approved and accepted by the volunteer. */
    record Served(String branch, String steward, long requestId) {
    }

    /** A day ahead in business time. */
    private static OffsetDateTime tomorrow() {
        return MovableClock.businessNow().plusDays(1).withNano(0);
    }

    /** Business time moves past the start of every request posted for {@link #tomorrow()}. */
    private static void serviceStarted() {
        MovableClock.moveOn(Duration.ofDays(1).plusMinutes(1));
    }

    private static Served accepted(Api.OnboardedBranch branch, String steward, Members.Registered resident,
            Members.Registered volunteer, int minutes, boolean payWithPoints) {
        long id = TimeBank.posted(resident.token(), branch.code(),
                TimeBank.request("SHOPPING", tomorrow(), null, minutes, payWithPoints));
        TimeBank.review(steward, branch.code(), id, true, null).then().statusCode(200);
        TimeBank.accept(volunteer.token(), branch.code(), id).then().statusCode(200);
        return new Served(branch.code(), steward, id);
    }

    private static Response confirm(String token, Served served, int minutes, int rating, String paperFormNo,
            String key) {
        Map<String, Object> body = new HashMap<>(Map.of("actualMinutes", minutes, "rating", rating));
        if (paperFormNo != null) {
            body.put("paperFormNo", paperFormNo);
        }
        return as(token).header("Idempotency-Key", key).body(body)
                .post("/api/branches/" + served.branch() + "/service-requests/" + Ids.request(served.requestId())
                        + "/confirmation");
    }

    private static Response confirm(String token, Served served, int minutes) {
        return confirm(token, served, minutes, 5, null, UUID.randomUUID().toString());
    }

    private static long personId(Members.Registered member) {
        return Api.personId(member.token());
    }

    private void fund(String branch, Members.Registered member, long centiPoints) {
        ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch, personId(member), centiPoints,
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
    }

    private static String points(Members.Registered member) {
        return as(member.token()).get("/api/me/points").then().statusCode(200).extract().path("points");
    }

    @Test
    @DisplayName("R-LEDGER-2, R-SERVICE-6: a member of branch A is served in branch B and pays with points, the volunteer "
            + "of B is credited, and HQ sees the clearing between A and B")
    void servedInAnotherBranch() {
        Api.OnboardedBranch a = Api.onboardActive("donea");
        Api.OnboardedBranch b = Api.onboardActive("doneb");
        Members.Registered resident = TimeBank.paidMember(a, Members.building(a, "1号楼"));
        long buildingOfB = Members.building(b, "5号楼");
        String stewardOfB = Members.steward(b, buildingOfB);
        Members.Registered volunteer = TimeBank.volunteer(b, buildingOfB, "SHOPPING");
        fund(a.code(), resident, Points.of(10));

        Served served = accepted(b, stewardOfB, resident, volunteer, 90, true);
        serviceStarted();
        confirm(resident.token(), served, 105).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("actualMinutes", equalTo(105)).body("rating", equalTo(5))
                .body("credited", equalTo("1.75")).body("paid", equalTo("1.75")).body("promotionBonus", equalTo("0.00"));

        assertThat(points(resident)).isEqualTo("8.25");
        assertThat(points(volunteer)).as("1 point an hour, paid by the resident, nothing issued on top")
                .isEqualTo("1.75");
        as(volunteer.token()).get("/api/me/points/entries").then()
                .body("entries.kind", contains("SERVICE_PAYMENT"));

        List<Map<String, Object>> pairs = as(Api.admin()).queryParam("month",
                        YearMonth.from(MovableClock.businessNow()).toString())
                .get("/api/admin/ledger/clearing").then().statusCode(200).extract().jsonPath().getList("pairs");
        assertThat(pairs).anySatisfy(p -> {
            assertThat(List.of(p.get("branch"), p.get("otherBranch"))).containsExactlyInAnyOrder(a.code(), b.code());
            assertThat(p).containsEntry("net", "1.75").containsEntry("owedBy", a.code())
                    .containsEntry("owedTo", b.code());
        });
    }

    @Test
    @DisplayName("R-SERVICE-6: a confirmation sent twice, or 8 times concurrently with different keys, posts once")
    void exactlyOnce() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("once");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        fund(branch.code(), resident, Points.of(5));

        Served first = accepted(branch, steward, resident, volunteer, 60, true);
        confirm(resident.token(), first, 45).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:service-not-started"));
        serviceStarted();
        String key = UUID.randomUUID().toString();
        String body = confirm(resident.token(), first, 45, 4, null, key).then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).extract().asString();
        assertThat(confirm(resident.token(), first, 45, 4, null, key).then().statusCode(200).extract().asString())
                .isEqualTo(body);
        confirm(resident.token(), first, 60).then().statusCode(200).body("actualMinutes", equalTo(45))
                .header("Idempotent-Replayed", "true");
        assertThat(points(volunteer)).isEqualTo("0.75");
        assertThat(points(resident)).isEqualTo("4.25");

        Served second = accepted(branch, steward, resident, volunteer, 60, true);
        serviceStarted();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return confirm(resident.token(), second, 60);
            }));
        }
        start.countDown();
        for (Future<Response> future : futures) {
            future.get().then().statusCode(200).body("status", equalTo("COMPLETED")).body("credited", equalTo("1.00"));
        }
        pool.shutdown();
        assertThat(points(volunteer)).isEqualTo("1.75");
        assertThat(points(resident)).isEqualTo("3.25");
        as(volunteer.token()).get("/api/me/points/entries").then().body("entries", hasSize(2));
    }

    @Test
    @DisplayName("R-SERVICE-6, R-LEDGER-5: a payment the balance no longer covers is refused and nothing is posted")
    void paymentNoLongerCovered() {
        Api.OnboardedBranch branch = Api.onboardActive("short");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        fund(branch.code(), resident, Points.of(1));
        Served served = accepted(branch, steward, resident, volunteer, 60, true);
        serviceStarted();
        ledger.post(TransferRequest.redemption(branch.code(), personId(resident), Points.of(1) / 2,
                new TransferRequest.Reference("TEST", "merchant"), "redeem:" + UUID.randomUUID(), "test"));

        confirm(resident.token(), served, 60).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:insufficient-points")).body("balance", equalTo("0.50"));
        assertThat(points(volunteer)).isEqualTo("0.00");
        as(steward).get("/api/branches/" + branch.code() + "/service-requests?status=ACCEPTED").then()
                .body("id", contains(Ids.request(served.requestId())));
    }

    @Test
    @DisplayName("R-SERVICE-5: the requester confirms in the app, or a steward records the paper 服务验收单; nobody else")
    void whoConfirms() {
        Api.OnboardedBranch branch = Api.onboardActive("paper");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered neighbour = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        long pending = TimeBank.posted(resident.token(), branch.code(),
                TimeBank.request("SHOPPING", tomorrow(), null, 60, false));
        confirm(resident.token(), new Served(branch.code(), steward, pending), 60).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:request-not-accepted"));

        Served served = accepted(branch, steward, resident, volunteer, 60, false);
        Served another = accepted(branch, steward, resident, volunteer, 60, false);
        serviceStarted();
        confirm(neighbour.token(), served, 60).then().statusCode(404);
        confirm(volunteer.token(), served, 60).then().statusCode(404);
        confirm(resident.token(), served, 50).then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:invalid-duration"));
        confirm(resident.token(), served, 60, 6, null, UUID.randomUUID().toString()).then().statusCode(400);
        confirm(steward, served, 60).then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:paper-form-required"));
        confirm(steward, served, 75, 4, "YS-2026-0007", UUID.randomUUID().toString()).then().statusCode(200)
                .body("paperFormNo", equalTo("YS-2026-0007")).body("credited", equalTo("1.25"))
                .body("paid", equalTo("0.00")).body("rating", equalTo(4));
        assertThat(points(volunteer)).isEqualTo("1.25");
        assertThat(points(resident)).isEqualTo("0.00");
        // R-LEDGER-8: a paper form number is entered once per branch
        confirm(steward, another, 60, 5, "YS-2026-0007", UUID.randomUUID().toString()).then().statusCode(409)
                .body("type", equalTo("urn:tongyi:problem:paper-form-used"));
        confirm(steward, another, 60, 5, "YS-2026-0008", UUID.randomUUID().toString()).then().statusCode(200);
    }

    @Test
    @DisplayName("R-SERVICE-10: on a promotion day the volunteer earns the multiplier's extra points as a bonus")
    void promotionDay() {
        Api.OnboardedBranch branch = Api.onboardActive("promo");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        String day = tomorrow().toLocalDate().toString();
        Map<String, Object> launch = Map.of("multiplier", 2, "name", "首存日");
        as(steward).body(launch).put("/api/branches/" + branch.code() + "/promotion-days/" + day).then().statusCode(403);
        as(branch.headToken()).body(launch).put("/api/branches/" + branch.code() + "/promotion-days/" + day)
                .then().statusCode(200).body("multiplier", equalTo(2));
        as(branch.headToken()).body(Map.of("multiplier", 1, "name", "无效")).put("/api/branches/" + branch.code()
                + "/promotion-days/" + day).then().statusCode(400);

        Served served = accepted(branch, steward, resident, volunteer, 60, false);
        serviceStarted();
        confirm(resident.token(), served, 90).then().statusCode(200)
                .body("credited", equalTo("1.50")).body("promotionBonus", equalTo("1.50"));
        assertThat(points(volunteer)).isEqualTo("3.00");
        as(volunteer.token()).get("/api/me/points/entries").then()
                .body("entries.kind", containsInAnyOrder("SERVICE", "PROMOTION_BONUS"));
    }

    @Test
    @DisplayName("R-SERVICE-5: the volunteer attaches photos or videos of at most 5 MB, stored with their SHA-256; "
            + "the request and its evidence are seen by its requester, its volunteer and staff, by no other member")
    void evidence() throws Exception {
        Api.OnboardedBranch branch = Api.onboardActive("evidence");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        Members.Registered resident = TimeBank.paidMember(branch, building);
        Members.Registered volunteer = TimeBank.volunteer(branch, building, "SHOPPING");
        Served served = accepted(branch, steward, resident, volunteer, 60, false);
        String evidence = "/api/branches/" + branch.code() + "/service-requests/"
                + Ids.request(served.requestId()) + "/evidence";
        byte[] photo = new byte[2048];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));

        as(volunteer.token()).contentType("image/jpeg").body(photo).post(evidence).then().statusCode(201)
                .body("sha256", equalTo(sha256)).body("sizeBytes", equalTo(2048))
                .body("mediaType", equalTo("image/jpeg"));
        as(volunteer.token()).contentType("text/plain").body("not a photo").post(evidence).then().statusCode(415)
                .body("type", equalTo("urn:tongyi:problem:unsupported-media-type"));
        as(volunteer.token()).contentType("video/mp4").body(new byte[5 * 1024 * 1024 + 1]).post(evidence).then()
                .statusCode(413).body("type", equalTo("urn:tongyi:problem:evidence-too-large"));
        as(resident.token()).contentType("image/png").body(photo).post(evidence).then().statusCode(403)
                .body("type", equalTo("urn:tongyi:problem:not-your-service"));

        as(resident.token()).get(evidence).then().statusCode(200).body("sha256", contains(sha256));
        String evidenceId = as(steward).get(evidence).then().statusCode(200).body("", hasSize(1))
                .extract().jsonPath().getString("[0].id");

        byte[] downloaded = as(resident.token()).get(evidence + "/" + evidenceId).then().statusCode(200)
                .contentType("image/jpeg").header("ETag", "\"" + sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(downloaded).isEqualTo(photo);
        as(steward).get(evidence + "/" + evidenceId).then().statusCode(200);
        String guessed = OpaqueIds.current().seal(OpaqueIds.Kind.EVIDENCE,
                Ids.internal(OpaqueIds.Kind.EVIDENCE, evidenceId) + 1);
        as(resident.token()).get(evidence + "/" + guessed).then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:evidence-not-found"));

        String request = "/api/branches/" + branch.code() + "/service-requests/" + Ids.request(served.requestId());
        for (String token : List.of(resident.token(), volunteer.token(), steward)) {
            as(token).get(request).then().statusCode(200).body("id", equalTo(Ids.request(served.requestId())))
                    .body("status", equalTo("ACCEPTED"));
        }
        Members.Registered neighbour = TimeBank.paidMember(branch, building);
        as(neighbour.token()).get(request).then().statusCode(404)
                .body("type", equalTo("urn:tongyi:problem:request-not-found"));
        as(neighbour.token()).get(evidence).then().statusCode(404);
        as(neighbour.token()).get(evidence + "/" + evidenceId).then().statusCode(404);
    }
}
