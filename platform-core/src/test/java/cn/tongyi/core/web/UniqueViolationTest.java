package cn.tongyi.core.web;

import static cn.tongyi.core.support.Api.admin;
import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrent twins of a write that both pass the "is it free?" check: the one that commits second fails on a unique
 * constraint, and is told the same as if it had come second, never a bare conflict or a 500.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class UniqueViolationTest {

    private static final String PROBLEM = "urn:tongyi:problem:";
    private static final String CREATED = "201";

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @DisplayName("R-BRANCH-1: onboardings racing for one head username: one branch, the others 409 username-taken;"
            + " one racing for a code: 409 branch-exists")
    void concurrentOnboardings() throws Exception {
        String head = Api.newUsername("race");
        String admin = admin();
        List<String> codes = List.of(Api.newCode("race"), Api.newCode("race"), Api.newCode("race"));
        ExecutorService threads = Executors.newFixedThreadPool(codes.size());
        List<Future<String>> onboardings = new ArrayList<>();
        try (Connection registry = dataSource.getConnection(); Statement lock = registry.createStatement()) {
            // Hold the registry: every onboarding checks the username, migrates alone, then waits to register
            registry.setAutoCommit(false);
            lock.execute("LOCK TABLE platform.branch IN SHARE MODE");
            try {
                for (String code : codes) {
                    onboardings.add(threads.submit(() -> outcome(as(admin).body(Api.branchRequest(code, head))
                            .post("/api/admin/branches"))));
                    awaitWaitingForRegistry(onboardings.size());
                }
                as(admin).body(Api.branchRequest(codes.get(0), head)).post("/api/admin/branches")
                        .then().statusCode(409).body("type", equalTo(PROBLEM + "branch-exists"));
            } finally {
                registry.rollback();
            }
        } finally {
            threads.shutdown();
        }

        List<String> outcomes = new ArrayList<>();
        for (Future<String> onboarding : onboardings) {
            outcomes.add(onboarding.get());
        }
        assertThat(outcomes).containsOnlyOnce(CREATED)
                .filteredOn(outcome -> !outcome.equals(CREATED)).containsOnly("409 " + PROBLEM + "username-taken");
        assertThat(database.count("SELECT count(*) FROM platform.person WHERE username = ?", head)).isEqualTo(1);
        assertThat(codes.stream().filter(code -> database.schemaExists("t_" + code))).hasSize(1);
    }

    @Test
    @DisplayName("Concurrent buildings of one name in a branch: one building, the others 409 building-exists")
    void concurrentBuildings() throws Exception {
        Api.OnboardedBranch branch = Api.onboard("racebuild");
        List<String> outcomes = race(8, () -> outcome(as(branch.headToken())
                .body(Map.of("name", "同名楼", "units", 6, "latitude", 39.9, "longitude", 116.4))
                .post("/api/branches/" + branch.code() + "/buildings")));

        assertThat(outcomes).containsOnlyOnce(CREATED)
                .filteredOn(outcome -> !outcome.equals(CREATED)).containsOnly("409 " + PROBLEM + "building-exists");
    }

    @Test
    @DisplayName("Every constraint given a problem of its own exists under that name")
    void mappedConstraintsExist() {
        Api.onboard("names");
        for (String name : UniqueConstraints.BY_NAME.keySet()) {
            assertThat(database.count("SELECT count(*) FROM pg_class WHERE relkind = 'i' AND relname = ?", name))
                    .as(name).isPositive();
        }
    }

    private void awaitWaitingForRegistry(int onboardings) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (database.count("SELECT count(*) FROM pg_locks WHERE relation = 'platform.branch'::regclass"
                + " AND NOT granted") < onboardings) {
            assertThat(System.nanoTime()).as("onboardings waiting to register").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Status and problem type, such as {@code 409 urn:tongyi:problem:username-taken}, or just {@code 201}. */
    private static String outcome(Response response) {
        return response.statusCode() == 201 ? CREATED
                : response.statusCode() + " " + response.jsonPath().getString("type");
    }

    /** Sends the same request from as many threads at once. */
    private static List<String> race(int requests, Callable<String> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                replies.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> reply : replies) {
                outcomes.add(reply.get());
            }
            return outcomes;
        } finally {
            threads.shutdown();
        }
    }
}
