package cn.tongyi.core.support;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.privacy.OpaqueIds;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for the time bank's tests: buildings at a position, certified volunteers, requests. */
public final class TimeBank {

    private TimeBank() {
    }

    public static long buildingAt(Api.OnboardedBranch branch, String name, double latitude, double longitude) {
        return ((Number) as(branch.headToken())
                .body(Map.of("name", name, "units", 6, "latitude", latitude, "longitude", longitude))
                .post("/api/branches/" + branch.code() + "/buildings")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** A resident with a paid TRIAL year. */
    public static Members.Registered paidMember(Api.OnboardedBranch branch, long buildingId) {
        Members.Registered member = Members.registerOnline(branch, buildingId);
        Members.payFee(branch, member.memberId(), "TRIAL");
        return member;
    }

    /** A member of the building who holds the volunteer certificate, with the given skills. */
    public static Members.Registered volunteer(Api.OnboardedBranch branch, long buildingId, String... skills) {
        Members.Registered member = paidMember(branch, buildingId);
        String base = "/api/branches/" + branch.code() + "/volunteers";
        as(member.token()).body(Map.of("skills", List.of(skills))).post(base).then().statusCode(201);
        as(branch.headToken()).body(Map.of("day1", true, "day2", true))
                .put(base + "/" + member.memberId() + "/training").then().statusCode(200);
        as(branch.headToken()).body(Map.of("passed", true))
                .put(base + "/" + member.memberId() + "/scenario-test").then().statusCode(200);
        return member;
    }

    public static Map<String, Object> request(String serviceType, OffsetDateTime startsAt, Long buildingId,
            int expectedMinutes, boolean payWithPoints) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceType", serviceType);
        body.put("startsAt", startsAt.toString());
        body.put("place", "3号楼 2单元 301室");
        body.put("buildingId", buildingId);
        body.put("expectedMinutes", expectedMinutes);
        body.put("description", "陪老人去社区医院复查");
        body.put("payWithPoints", payWithPoints);
        return body;
    }

    public static Response post(String token, String branch, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/branches/" + branch + "/service-requests");
    }

    /** Posts a request and returns its internal id (the API answers with its opaque id). */
    public static long posted(String token, String branch, Map<String, Object> body) {
        return Ids.internal(OpaqueIds.Kind.SERVICE_REQUEST,
                post(token, branch, body).then().statusCode(201).extract().path("id"));
    }

    public static Response review(String stewardToken, String branch, long requestId, boolean approve,
            String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("approve", approve);
        body.put("reason", reason);
        return as(stewardToken).body(body)
                .post("/api/branches/" + branch + "/service-requests/" + Ids.request(requestId) + "/review");
    }

    public static Response accept(String volunteerToken, String branch, long requestId) {
        return as(volunteerToken).post("/api/branches/" + branch + "/service-requests/" + Ids.request(requestId)
                + "/acceptance");
    }

    /**
     * A request of the resident that the volunteer served and the resident confirmed, {@code minutes} long. The
     * service is a day ahead in business time, which then moves on past its end for the rest of the calling test.
     */
    public static long completed(Api.OnboardedBranch branch, String steward, Members.Registered resident,
            Members.Registered volunteer, int minutes, boolean payWithPoints) {
        OffsetDateTime tomorrow = MovableClock.businessNow().plusDays(1).withNano(0);
        long id = posted(resident.token(), branch.code(), request("SHOPPING", tomorrow, null, minutes, payWithPoints));
        review(steward, branch.code(), id, true, null).then().statusCode(200);
        accept(volunteer.token(), branch.code(), id).then().statusCode(200);
        MovableClock.moveOn(Duration.ofDays(1).plusMinutes(minutes));
        as(resident.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("actualMinutes", minutes, "rating", 5))
                .post("/api/branches/" + branch.code() + "/service-requests/" + Ids.request(id) + "/confirmation")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        return id;
    }
}
