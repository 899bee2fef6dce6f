package cn.tongyi.core.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads transfers back with both accounts' owners. */
@ApplicationScoped
class TransferRows {

    private static final String SELECT = """
            SELECT t.id, t.kind, t.branch_code, d.type, d.person_id, c.type, c.person_id, t.debit_account_id,
                   t.credit_account_id, t.amount, t.shortfall, t.reference_type, t.reference_id, t.corrects_id,
                   t.debit_balance_after, t.credit_balance_after, t.created_at, t.created_by, t.note
            FROM platform.ledger_transfer t
            JOIN platform.ledger_account d ON d.id = t.debit_account_id
            JOIN platform.ledger_account c ON c.id = t.credit_account_id
            """;

    private final EntityManager em;

    TransferRows(EntityManager em) {
        this.em = em;
    }

    Optional<PostedTransfer> byId(long id) {
        return first(em.createNativeQuery(SELECT + " WHERE t.id = ?1").setParameter(1, id).getResultList());
    }

    Optional<Long> idOf(TransferKind kind, String idempotencyKey) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                SELECT id FROM platform.ledger_transfer WHERE kind = ?1 AND idem_key = ?2""")
                .setParameter(1, kind.name()).setParameter(2, idempotencyKey).getResultList();
        return ids.stream().findFirst().map(TransferRows::num);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Optional<PostedTransfer> first(List rows) {
        return ((List<Object[]>) rows).stream().findFirst().map(TransferRows::map);
    }

    private static PostedTransfer map(Object[] r) {
        TransferRequest.Reference reference = r[11] == null && r[12] == null ? null
                : new TransferRequest.Reference((String) r[11], (String) r[12]);
        return new PostedTransfer(num(r[0]), TransferKind.valueOf((String) r[1]), (String) r[2],
                party(r[3], r[4]), party(r[5], r[6]), num(r[7]), num(r[8]), num(r[9]), num(r[10]), reference,
                optional(r[13]), optional(r[14]), optional(r[15]), time(r[16]), (String) r[17], (String) r[18], false);
    }

    static Party party(Object type, Object personId) {
        AccountType accountType = AccountType.valueOf((String) type);
        return accountType == AccountType.MEMBER ? Party.member(num(personId)) : Party.system(accountType);
    }

    static long num(Object value) {
        return ((Number) value).longValue();
    }

    static Long optional(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
