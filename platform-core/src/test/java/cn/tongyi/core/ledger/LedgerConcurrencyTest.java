package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Ids;
import cn.tongyi.core.support.PaperLines;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ledger under concurrent use and retries, through HTTP against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LedgerConcurrencyTest {

    private static final Logger LOG = Logger.getLogger(LedgerConcurrencyTest.class);
    private static final int CLIENTS = 32;
    private static final int TRANSFERS = 5_000;
    private static final int ACCOUNTS = 50;
    private static final long INITIAL_POINTS = 10_000;
    /** Hours served on each member's order: enough that no line runs out of them. */
    private static final int ORDER_MINUTES = 1_200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each test works in a branch of its own, so that it can count every transfer there. */
    Api.OnboardedBranch branch;
    String steward;

    @TestHTTPResource("/")
    URL base;
    @Inject
    LedgerService ledger;
    @Inject
    People people;
    @Inject
    Database database;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void branch() {
        branch = Api.onboardActive("load");
        steward = Api.staff(branch, "STEWARD");
    }

    /** One planned line of the paper point book (its key is also its form number) and what the API answered. */
    record Planned(String key, long from, long order, long centiPoints, boolean overdraft, boolean duplicate) {
    }

    record Answer(int status, String body, boolean replayed) {
    }

    @Test
    @DisplayName("R-LEDGER-3, R-LEDGER-5, R-LEDGER-8: 32 clients, 5,000 random paper point-book lines of 50 members "
            + "(2 hot), 5% duplicates, 5% overdrafts: total conserved, nothing negative, every acknowledged line once, "
            + "refused ones never")
    void randomLinesUnderLoad() throws Exception {
        long volunteer = people.withoutLogin("volunteer", branch.code());
        List<Long> persons = new ArrayList<>();
        Map<Long, Long> orders = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            long person = people.withoutLogin("load", branch.code());
            fund(ledger, branch.code(), person, INITIAL_POINTS);
            persons.add(person);
            orders.put(person, PaperLines.completedOrder(database, branch.code(), person, volunteer, ORDER_MINUTES));
        }
        Random random = new Random(20261129);
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            long from = persons.get(pick(random));
            boolean overdraft = random.nextInt(100) < 5;
            long centi = overdraft ? Points.of(INITIAL_POINTS + 1) : 25L * (1 + random.nextInt(40));
            plan.add(new Planned(UUID.randomUUID().toString(), from, orders.get(from), centi, overdraft,
                    random.nextInt(100) < 5));
        }

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Answer> duplicateAnswers = new java.util.concurrent.ConcurrentHashMap<>();
        long started = System.nanoTime();
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                workers.add(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        Planned p = plan.get(i);
                        answers.put(p.key(), submit(p));
                        if (p.duplicate()) {
                            duplicateAnswers.put(p.key(), submit(p));
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> worker : clients.invokeAll(workers)) {
                worker.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int requests = answers.size() + duplicateAnswers.size();
        LOG.infof("%d requests (%d transfers, %d duplicates) by %d clients in %.1f s: %.0f requests/s", requests,
                answers.size(), duplicateAnswers.size(), CLIENTS, seconds, requests / seconds);

        Map<String, Long> acknowledged = new HashMap<>();
        Map<Long, Long> expected = new HashMap<>();
        Map<Long, Long> paidPerOrder = new HashMap<>();
        persons.forEach(p -> expected.put(p, Points.of(INITIAL_POINTS)));
        int overdraftsRefused = 0;
        for (Planned p : plan) {
            Answer answer = answers.get(p.key());
            Answer duplicate = duplicateAnswers.get(p.key());
            assertThat(answer.status()).as("answer to %s: %s", p, answer.body()).isIn(201, 409);
            if (answer.status() == 409) {
                assertThat(answer.body()).contains("insufficient-points");
            }
            if (duplicate != null && answer.status() == 201) {
                // an applied key replays its first response, byte for byte
                assertThat(duplicate.status()).isEqualTo(201);
                assertThat(JSON.readTree(duplicate.body())).isEqualTo(JSON.readTree(answer.body()));
                assertThat(duplicate.replayed()).isTrue();
            }
            if (duplicate != null && answer.status() == 409) {
                // a refusal stores nothing (ADR 0003): the resent request is judged afresh, on the balance of now
                assertThat(duplicate.status()).isIn(201, 409);
                assertThat(duplicate.replayed()).isFalse();
            }
            Answer applied = answer.status() == 201 ? answer
                    : duplicate != null && duplicate.status() == 201 ? duplicate : null;
            if (applied != null) {
                acknowledged.put(p.key(), Ids.internal(OpaqueIds.Kind.TRANSFER,
                        JSON.readTree(applied.body()).get("id").asText()));
                expected.merge(p.from(), -p.centiPoints(), Long::sum);
                paidPerOrder.merge(p.order(), p.centiPoints(), Long::sum);
            }
            if (p.overdraft()) {
                assertThat(answer.status()).isEqualTo(409);
                assertThat(duplicate == null ? 409 : duplicate.status()).isEqualTo(409);
                overdraftsRefused++;
            }
        }
        assertThat(overdraftsRefused).isGreaterThan(TRANSFERS / 40);
        assertThat(duplicateAnswers).hasSizeGreaterThan(TRANSFERS / 40);
        assertThat(acknowledged).hasSizeGreaterThan(TRANSFERS / 2);

        List<Long> storedIds = database.longs("""
                SELECT id FROM platform.ledger_transfer WHERE branch_code = ? AND kind = 'SERVICE_PAYMENT'""",
                branch.code());
        assertThat(storedIds).as("every acknowledged transfer stored exactly once, no refused one")
                .containsExactlyInAnyOrderElementsOf(acknowledged.values());
        Set<String> storedKeys = new HashSet<>(database.strings("""
                SELECT substring(idem_key from '[^:]+$') FROM platform.ledger_transfer
                WHERE branch_code = ? AND kind = 'SERVICE_PAYMENT'""", branch.code()));
        assertThat(storedKeys).isEqualTo(acknowledged.keySet());

        long total = 0;
        for (long person : persons) {
            long balance = ledger.balance(person);
            assertThat(balance).as("balance of %d", person).isGreaterThanOrEqualTo(0)
                    .isEqualTo(expected.get(person));
            long paid = database.count("SELECT paid FROM t_" + branch.code() + ".service_request WHERE id = ?",
                    orders.get(person));
            assertThat(paid).as("paid for the order of %d", person)
                    .isEqualTo(paidPerOrder.getOrDefault(orders.get(person), 0L));
            total += balance + paid;
        }
        assertThat(total).as("points conserved").isEqualTo(ACCOUNTS * Points.of(INITIAL_POINTS));
        assertThat(database.count(LedgerFixture.CACHED_BALANCE_MISMATCHES)).isZero();
        assertThat(database.count(LedgerFixture.SUM_OVER_ALL_ACCOUNTS)).isZero();
    }

    @Test
    @DisplayName("R-LEDGER-3, R-LEDGER-8: the same point-book line sent 50 times at once yields one transfer and "
            + "identical responses")
    void sameLineFiftyTimesAtOnce() throws Exception {
        long from = people.withoutLogin("twin", branch.code());
        long volunteer = people.withoutLogin("twin", branch.code());
        fund(ledger, branch.code(), from, 10);
        long order = PaperLines.completedOrder(database, branch.code(), from, volunteer, 120);
        Planned p = new Planned(UUID.randomUUID().toString(), from, order, 150, false, false);
        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Callable<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> submit(p));
            }
            for (Future<Answer> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(a -> {
            try {
                return JSON.readTree(a.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(1);
        assertThat(answers.stream().filter(a -> !a.replayed())).hasSize(1);
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE idem_key LIKE ?",
                "%:" + p.key())).isEqualTo(1);
        assertThat(ledger.balance(from)).isEqualTo(Points.of(10) - 150);
        assertThat(ledger.balance(volunteer)).isZero();
        assertThat(database.count("SELECT paid FROM t_" + branch.code() + ".service_request WHERE id = ?", order))
                .isEqualTo(150);
    }

    /** Half of all transfers touch one of the two hot accounts (indexes 0 and 1). */
    private static int pick(Random random) {
        return random.nextBoolean() ? random.nextInt(2) : random.nextInt(ACCOUNTS);
    }

    private Answer submit(Planned p) throws Exception {
        String body = JSON.writeValueAsString(PaperLines.line(Api.publicId(p.from()), p.order(),
                Points.format(p.centiPoints()), p.key()));
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(base.toString().replaceAll("/$", "") + "/api/branches/" + branch.code()
                        + "/ledger/transfers"))
                .header("Authorization", "Bearer " + steward)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", p.key())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Idempotent-Replayed").isPresent());
    }
}
