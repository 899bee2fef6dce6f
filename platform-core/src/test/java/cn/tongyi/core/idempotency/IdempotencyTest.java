package cn.tongyi.core.idempotency;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.core.staff.NewStaff;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.MovableClock;
import cn.tongyi.core.support.TestDatabase;
import cn.tongyi.tenant.access.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key mechanism every retriable write reuses, proven on staff creation. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

    static Api.OnboardedBranch branch;

    @Inject
    Database database;
    @Inject
    ObjectMapper json;
    @Inject
    PiiVault vault;

    @BeforeEach
    void branch() {
        if (branch == null) {
            branch = Api.onboard("idem");
        }
    }

    @Test
    @DisplayName("Same key and body: applied once, the first response replayed")
    void sameKeySameBodyReplays() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newStaff(Api.newUsername("once"));

        Response first = create(key, body);
        Response second = create(key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(database.count("SELECT count(*) FROM platform.person WHERE username = ?", body.get("username")))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("Same key, another body: 422 and nothing applied")
    void sameKeyOtherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        create(key, newStaff(Api.newUsername("first"))).then().statusCode(201);
        String other = Api.newUsername("other");
        create(key, newStaff(other)).then().statusCode(422)
                .body("type", equalTo("urn:tongyi:problem:idempotency-key-reused"));
        assertThat(database.count("SELECT count(*) FROM platform.person WHERE username = ?", other)).isZero();
    }

    @Test
    @DisplayName("The stored request digest is keyed: a dump cannot be checked against guessed passwords")
    void storedDigestsAreKeyed() throws Exception {
        String key = UUID.randomUUID().toString();
        String username = Api.newUsername("digest");
        create(key, newStaff(username)).then().statusCode(201);
        List<String> stored = database.strings("SELECT request_hash FROM platform.idempotency_record WHERE idem_key = ?",
                key);
        assertThat(stored).hasSize(1);
        // what an attacker holding the dump computes for a guess of the password (the body is otherwise known)
        NewStaff guess = new NewStaff(username, "楼长", Api.PASSWORD, Set.of(Role.STEWARD));
        byte[] body = json.writeValueAsBytes(new Object[] {branch.code(), guess});
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(stored.get(0)).isNotEqualTo(plain).isEqualTo(vault.keyedDigest("idempotency", body));
    }

    @Test
    @DisplayName("Idempotency records and their sealed responses are purged after the retention; a retry after that "
            + "is judged afresh")
    void recordsExpire() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newStaff(Api.newUsername("expire"));
        create(key, body).then().statusCode(201);
        String job = "/api/admin/jobs/idempotency-retention/runs";
        as(Api.admin()).post(job).then().statusCode(200);
        assertThat(database.count("SELECT count(*) FROM platform.idempotency_record WHERE idem_key = ?", key))
                .isEqualTo(1);

        MovableClock.installShiftedBy(Duration.ofHours(24).plusMinutes(1));
        as(Api.admin()).post(job).then().statusCode(200).body("created", greaterThanOrEqualTo(1));
        assertThat(database.count("SELECT count(*) FROM platform.idempotency_record WHERE idem_key = ?", key))
                .isZero();
        create(key, body).then().statusCode(409).body("type", equalTo("urn:tongyi:problem:username-taken"));
    }

    @Test
    @DisplayName("A retriable write without a key is refused with 400")
    void keyIsRequired() {
        as(branch.headToken()).body(newStaff(Api.newUsername("nokey")))
                .post("/api/branches/" + branch.code() + "/staff")
                .then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:idempotency-key-required"));
    }

    @Test
    @DisplayName("The same key sent 20 times at once yields one record and identical responses")
    void concurrentRetriesApplyOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newStaff(Api.newUsername("race"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> create(key, body));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
            Set<Object> bodies = responses.stream().map(r -> r.jsonPath().getMap("")).collect(Collectors.toSet());
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.count("SELECT count(*) FROM platform.person WHERE username = ?", body.get("username")))
                .isEqualTo(1);
    }

    private static Map<String, Object> newStaff(String username) {
        return Map.of("username", username, "displayName", "楼长", "password", Api.PASSWORD,
                "roles", List.of("STEWARD"));
    }

    private static Response create(String key, Map<String, Object> body) {
        return as(branch.headToken()).header("Idempotency-Key", key).body(body)
                .post("/api/branches/" + branch.code() + "/staff");
    }
}
