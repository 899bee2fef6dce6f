package cn.tongyi.core.ledger;

import cn.tongyi.core.idempotency.RetryTransient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only transactions that run into PostgreSQL's transient failures on purpose, at the boundary where a domain
 * service would post: a deadlock (40P01) and a serialization failure (40001); one that stays open after posting,
 * and one that fails after posting.
 */
@ApplicationScoped
public class ConflictingPostings {

    private final AtomicInteger attempts = new AtomicInteger();

    private final EntityManager em;
    private final LedgerService ledger;

    ConflictingPostings(EntityManager em, LedgerService ledger) {
        this.em = em;
        this.ledger = ledger;
    }

    /** Starts counting attempts afresh; returns the count so far. */
    public int resetAttempts() {
        return attempts.getAndSet(0);
    }

    public int attempts() {
        return attempts.get();
    }

    /** Locks one member's account, waits until the other transaction locked another, then posts on that other. */
    @Transactional
    @RetryTransient
    public PostedTransfer lockThenPost(long lockedPersonId, CountDownLatch bothLocked, TransferRequest request)
            throws InterruptedException {
        attempts.incrementAndGet();
        em.createNativeQuery("""
                SELECT id FROM platform.ledger_account WHERE person_id = ?1 AND type = 'MEMBER' FOR UPDATE""")
                .setParameter(1, lockedPersonId).getResultList();
        bothLocked.countDown();
        bothLocked.await(10, TimeUnit.SECONDS);
        return ledger.post(request);
    }

    /** Posts, then keeps its transaction open (and whatever it locked, locked) until released. */
    @Transactional
    public PostedTransfer postAndHoldOpen(TransferRequest request, CountDownLatch posted, CountDownLatch release)
            throws InterruptedException {
        PostedTransfer transfer = ledger.post(request);
        posted.countDown();
        release.await(30, TimeUnit.SECONDS);
        return transfer;
    }

    /** Posts, then fails in the same transaction, as a domain service whose later step refuses. */
    @Transactional
    public PostedTransfer postThenFail(TransferRequest request) {
        ledger.post(request);
        throw new IllegalStateException("a later step of the caller failed");
    }

    /**
     * Posts, then fails with a serialization failure (40001) on the first attempt only, as PostgreSQL does when a
     * concurrent commit invalidates the transaction. (A REPEATABLE READ snapshot cannot be asked for here: the first
     * statement of every transaction selects the branch schema, ADR 16, and the isolation level must come before it.)
     */
    @Transactional
    @RetryTransient
    public PostedTransfer postThenFailToSerializeOnce(TransferRequest request) {
        PostedTransfer transfer = ledger.post(request);
        if (attempts.incrementAndGet() == 1) {
            em.createNativeQuery("""
                    DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$""")
                    .executeUpdate();
        }
        return transfer;
    }
}
