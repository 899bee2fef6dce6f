package cn.tongyi.core.ledger;

import static cn.tongyi.core.ledger.LedgerFixture.fund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Postings at the same moment: transient failures PostgreSQL reports are retried, a bounded number of times, and
 * never applied twice; a branch's hot issuance account makes no posting wait.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LedgerRetryTest {

    static Api.OnboardedBranch branch;
    static final ExecutorService pool = Executors.newFixedThreadPool(16);

    @Inject
    LedgerService ledger;
    @Inject
    ConflictingPostings conflicting;
    @Inject
    People people;
    @Inject
    Database database;

    @BeforeEach
    void branch() {
        if (branch == null) {
            branch = Api.onboardActive("retry");
        }
    }

    @Test
    @DisplayName("R-LEDGER-3: a deadlock (40P01) between two postings is retried and each transfer applies exactly once")
    void deadlockIsRetriedOnce() throws Exception {
        long a = people.withoutLogin("deadlock", null);
        long b = people.withoutLogin("deadlock", null);
        fund(ledger, branch.code(), a, 1);
        fund(ledger, branch.code(), b, 1);
        conflicting.resetAttempts();
        CountDownLatch bothLocked = new CountDownLatch(2);
        TransferRequest toB = issue(b, 5);
        TransferRequest toA = issue(a, 7);

        CompletableFuture<PostedTransfer> first = CompletableFuture.supplyAsync(
                () -> call(() -> conflicting.lockThenPost(a, bothLocked, toB)));
        CompletableFuture<PostedTransfer> second = CompletableFuture.supplyAsync(
                () -> call(() -> conflicting.lockThenPost(b, bothLocked, toA)));
        PostedTransfer one = first.get(30, TimeUnit.SECONDS);
        PostedTransfer two = second.get(30, TimeUnit.SECONDS);

        // each deadlock aborts one of the two, which is re-run; on a loaded machine the re-run can meet the other
        // again before it finished, so two or more deadlocks are possible: never none
        assertThat(conflicting.attempts()).as("a deadlock victim was re-run").isGreaterThanOrEqualTo(3);
        assertThat(one.id()).isNotEqualTo(two.id());
        assertThat(ledger.balance(a)).isEqualTo(Points.of(8));
        assertThat(ledger.balance(b)).isEqualTo(Points.of(6));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE idem_key IN (?, ?)",
                toA.idempotencyKey(), toB.idempotencyKey())).isEqualTo(2);
    }

    @Test
    @DisplayName("R-LEDGER-3: a serialization failure (40001) after posting rolls the posting back; the re-run "
            + "applies it exactly once")
    void serializationFailureIsRetried() throws Exception {
        long person = people.withoutLogin("serial", null);
        fund(ledger, branch.code(), person, 1);
        ledger.post(issue(person, 2));
        conflicting.resetAttempts();
        TransferRequest stale = issue(person, 3);

        call(() -> conflicting.postThenFailToSerializeOnce(stale));

        assertThat(conflicting.attempts()).isEqualTo(2);
        assertThat(ledger.balance(person)).isEqualTo(Points.of(6));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE idem_key = ?",
                stale.idempotencyKey())).isEqualTo(1);
        assertThat(database.count(LedgerFixture.CACHED_BALANCE_MISMATCHES)).isZero();
    }

    @Test
    @DisplayName("R-MEMBER-5, R-LEDGER-3: the same Java posting (kind and key) from 16 threads at once applies once; "
            + "every caller gets the same transfer")
    void concurrentTwinPostingsApplyOnce() throws Exception {
        long person = people.withoutLogin("twin", null);
        TransferRequest birthday = TransferRequest.issue(TransferKind.BIRTHDAY, branch.code(), person, Points.of(2),
                null, "birthday:" + person + ":2026", "job");
        List<CompletableFuture<PostedTransfer>> twins = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            twins.add(CompletableFuture.supplyAsync(() -> call(() -> ledger.post(birthday)), pool));
        }
        Set<Long> ids = new HashSet<>();
        for (CompletableFuture<PostedTransfer> twin : twins) {
            ids.add(twin.get(30, TimeUnit.SECONDS).id());
        }
        assertThat(ids).hasSize(1);
        assertThat(ledger.balance(person)).isEqualTo(Points.of(2));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE idem_key = ?",
                birthday.idempotencyKey())).isEqualTo(1);
    }

    @Test
    @DisplayName("R-LEDGER-3: a branch's issuance account is never locked: while one service credit's transaction is "
            + "still open, another credit from the same account posts at once")
    void hotIssuanceAccountMakesNoPostingWait() throws Exception {
        long a = people.withoutLogin("hot", null);
        long b = people.withoutLogin("hot", null);
        fund(ledger, branch.code(), a, 1);
        fund(ledger, branch.code(), b, 1);
        CountDownLatch posted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<PostedTransfer> open = CompletableFuture.supplyAsync(
                () -> call(() -> conflicting.postAndHoldOpen(issue(a, 3), posted, release)), pool);
        PostedTransfer meanwhile;
        try {
            assertThat(posted.await(10, TimeUnit.SECONDS)).isTrue();
            meanwhile = CompletableFuture.supplyAsync(() -> call(() -> ledger.post(issue(b, 4))), pool)
                    .get(5, TimeUnit.SECONDS);
            assertThat(open).as("the first credit's transaction is still open").isNotDone();
        } finally {
            release.countDown();
        }
        assertThat(open.get(10, TimeUnit.SECONDS).debitAccountId()).as("both debit the same issuance account")
                .isEqualTo(meanwhile.debitAccountId());
        assertThat(ledger.balance(a)).isEqualTo(Points.of(4));
        assertThat(ledger.balance(b)).isEqualTo(Points.of(5));
    }

    @Test
    @DisplayName("R-LEDGER-3: a posting inside a caller's transaction rolls back with it: no transfer, no balance change")
    void postingRollsBackWithItsCaller() {
        long person = people.withoutLogin("rollback", null);
        fund(ledger, branch.code(), person, 2);
        TransferRequest credit = issue(person, 5);
        assertThatThrownBy(() -> call(() -> conflicting.postThenFail(credit)))
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(ledger.balance(person)).isEqualTo(Points.of(2));
        assertThat(database.count("SELECT count(*) FROM platform.ledger_transfer WHERE idem_key = ?",
                credit.idempotencyKey())).isZero();
    }

    private static TransferRequest issue(long person, long points) {
        return TransferRequest.issue(TransferKind.SERVICE, branch.code(), person, Points.of(points), null,
                "retry:" + UUID.randomUUID(), "test");
    }

    interface Call<T> {
        T run() throws Exception;
    }

    /** Runs on a pool thread as a background job would: with a request context of its own (no branch). */
    private static <T> T call(Call<T> call) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            requestContext.terminate();
        }
    }
}
