package cn.tongyi.core.support;

import static io.restassured.RestAssured.given;

import cn.tongyi.core.identity.PersonIds;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Small builders for tests that drive the platform through its HTTP API, as a client would. */
public final class Api {

    public static final String PASSWORD = "correct-horse-9";

    private static String adminToken;

    private Api() {
    }

    public record OnboardedBranch(String code, String headUsername, String headToken) {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** As {@link #as}, with a fresh Idempotency-Key for a retryable write. */
    public static RequestSpecification idempotent(String token) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The internal person id of the token's owner, for tests that post through the ledger's Java API. */
    public static long personId(String token) {
        String publicId = as(token).get("/api/me").then().statusCode(200).extract().path("id");
        return Arc.container().instance(PersonIds.class).get().require(UUID.fromString(publicId));
    }

    /** The public id of a person known by their internal id. */
    public static String publicId(long personId) {
        return Arc.container().instance(PersonIds.class).get().publicId(personId).toString();
    }

    public static String login(String username, String password) {
        return anonymous().body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    public static synchronized String admin() {
        if (adminToken == null) {
            adminToken = login("admin", TestDatabase.ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Forgets the HQ admin's token: a test that starts a platform of its own (its own signing keys) logs in anew. */
    public static synchronized void forgetAdmin() {
        adminToken = null;
    }

    /** A fresh, valid and unused branch code. */
    public static String newCode(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public static String newUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> branchRequest(String code, String headUsername) {
        return Map.of("code", code, "name", "测试分会 " + code, "address", "北京市朝阳区 " + code,
                "head", Map.of("username", headUsername, "displayName", "负责人", "password", PASSWORD));
    }

    public static OnboardedBranch onboard(String prefix) {
        String code = newCode(prefix);
        String head = newUsername("head");
        as(admin()).body(branchRequest(code, head)).post("/api/admin/branches").then().statusCode(201);
        return new OnboardedBranch(code, head, login(head, PASSWORD));
    }

    public static OnboardedBranch onboardActive(String prefix) {
        OnboardedBranch branch = onboard(prefix);
        as(admin()).body(Map.of("status", "ACTIVE")).post("/api/admin/branches/" + branch.code() + "/status")
                .then().statusCode(200);
        return branch;
    }

    /** Creates a staff login with the given roles in the branch and returns its token. */
    public static String staff(OnboardedBranch branch, String... roles) {
        return staffLogin(branch, roles).token();
    }

    /** A staff login (username and token), for tests that log in through the browser too. */
    public record Login(String username, String token) {
    }

    public static Login staffLogin(OnboardedBranch branch, String... roles) {
        String username = newUsername("staff");
        as(branch.headToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("username", username, "displayName", "工作人员", "password", PASSWORD,
                        "roles", List.of(roles)))
                .post("/api/branches/" + branch.code() + "/staff")
                .then().statusCode(201);
        return new Login(username, login(username, PASSWORD));
    }
}
