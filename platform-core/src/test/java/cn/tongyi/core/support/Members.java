package cn.tongyi.core.support;

import static cn.tongyi.core.support.Api.as;

import cn.tongyi.core.privacy.ChineseIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders for members, buildings and stewards, through the API. */
public final class Members {

    private Members() {
    }

    public record Registered(String memberId, String username, String token, String idNumber, String phone) {
    }

    private static final AtomicInteger ID_SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    /**
     * A valid number for the birth date. The sequence digits count up (from a random start) rather than being drawn
     * at random: one person is one member across the alliance, so two registrations drawing the same number in the
     * shared test database made the second a silent duplicate (202 and no login): a failing test now and then.
     */
    public static String idNumber(LocalDate birthDate) {
        String first17 = "110105" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ID_SEQUENCE.getAndIncrement() % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    public static String idNumberOfAge(int years) {
        return idNumber(LocalDate.now().minusYears(years).minusDays(ThreadLocalRandom.current().nextInt(1, 300)));
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static long building(Api.OnboardedBranch branch, String name) {
        return ((Number) as(branch.headToken())
                .body(Map.of("name", name, "units", 6, "latitude", 39.9087, "longitude", 116.3975))
                .post("/api/branches/" + branch.code() + "/buildings")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** A new steward assigned to the building; returns their token. */
    public static String steward(Api.OnboardedBranch branch, long buildingId) {
        return stewardLogin(branch, buildingId).token();
    }

    public static Api.Login stewardLogin(Api.OnboardedBranch branch, long buildingId) {
        Api.Login login = Api.staffLogin(branch, "STEWARD");
        String token = login.token();
        Object personId = as(token).get("/api/me").then().extract().path("id");
        List<Object> current = as(branch.headToken()).get("/api/branches/" + branch.code() + "/buildings")
                .then().extract().path("find { it.id == " + buildingId + " }.stewardIds");
        List<Object> stewards = new ArrayList<>(current);
        stewards.add(personId);
        as(branch.headToken()).body(Map.of("stewardIds", stewards))
                .put("/api/branches/" + branch.code() + "/buildings/" + buildingId + "/stewards")
                .then().statusCode(200);
        return login;
    }

    public static Map<String, Object> details(long buildingId, String idNumber, String phone) {
        return Map.of("name", "王秀英", "phone", phone, "idNumber", idNumber, "buildingId", buildingId, "unit", 2,
                "address", "2单元 301室", "emergencyContact", Map.of("name", "王小明", "phone", phone()));
    }

    public static Registered registerOnline(Api.OnboardedBranch branch, long buildingId) {
        return registerOnline(branch, buildingId, idNumberOfAge(40), null);
    }

    public static Registered registerOnline(Api.OnboardedBranch branch, long buildingId, String idNumber,
            String referrerId) {
        String username = Api.newUsername("member");
        String phone = phone();
        Map<String, Object> body = new HashMap<>(Map.of("branch", branch.code(), "username", username,
                "password", Api.PASSWORD, "member", details(buildingId, idNumber, phone)));
        if (referrerId != null) {
            body.put("referrerId", referrerId);
        }
        Api.anonymous().body(body).post("/api/member-registrations").then().statusCode(202);
        String token = Api.login(username, Api.PASSWORD);
        String memberId = as(token).get("/api/me").then().statusCode(200).extract().path("id");
        return new Registered(memberId, username, token, idNumber, phone);
    }

    /** A member registered by a steward from the paper form; such members have no login. */
    public static String registerOnPaper(Api.OnboardedBranch branch, String stewardToken, long buildingId) {
        return as(stewardToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("member", details(buildingId, idNumberOfAge(75), phone()),
                        "paperFormNo", "HY-" + UUID.randomUUID().toString().substring(0, 13)))
                .post("/api/branches/" + branch.code() + "/members")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static void payFee(Api.OnboardedBranch branch, String memberId, String type) {
        as(branch.headToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", type, "channel", "CASH", "receiptNo", "R-" + UUID.randomUUID()))
                .post("/api/branches/" + branch.code() + "/members/" + memberId + "/fees")
                .then().statusCode(201);
    }
}
