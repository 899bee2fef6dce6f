package cn.tongyi.core.idempotency;

import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency records in {@code platform.idempotency_record}. Claiming a key inserts its row; a concurrent request
 * with the same key waits on the unique index until the first commits, then reads the stored response. Responses
 * may carry private data, so their bodies are stored sealed, bound to their record.
 */
@ApplicationScoped
class IdempotencyStore {

    record StoredResponse(String requestHash, int status, String location, String body) {
    }

    private final EntityManager em;
    private final PiiVault vault;
    private final BusinessClock clock;

    IdempotencyStore(EntityManager em, PiiVault vault, BusinessClock clock) {
        this.em = em;
        this.vault = vault;
        this.clock = clock;
    }

    /** Claims the key for this request, or returns the response stored by the request that claimed it first. */
    Optional<StoredResponse> claim(String scope, String key, String requestHash) {
        int inserted = em.createNativeQuery("""
                INSERT INTO platform.idempotency_record (scope, idem_key, request_hash, created_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).setParameter(4, clock.now())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status, location, body FROM platform.idempotency_record
                WHERE scope = ?1 AND idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new StoredResponse((String) row[0], ((Number) row[1]).intValue(), (String) row[2],
                vault.open((byte[]) row[3], place(scope, key))));
    }

    void complete(String scope, String key, int status, String location, String body) {
        em.createNativeQuery("""
                UPDATE platform.idempotency_record SET status = ?3, location = ?4, body = ?5
                WHERE scope = ?1 AND idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, status)
                .setParameter(4, location).setParameter(5, vault.seal(body, place(scope, key)))
                .executeUpdate();
    }

    private static PiiVault.Place place(String scope, String key) {
        return new PiiVault.Place("platform", "idempotency_record", scope + "\n" + key, "body");
    }
}
