package cn.tongyi.core.ledger;

import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and opens accounts. A person's account opens with their first posting; a branch's system accounts open with
 * the branch's first posting of their kind and never change, so their ids are cached. Only member rows are ever
 * locked, always in ascending id order, so two postings cannot deadlock on them.
 */
@ApplicationScoped
class LedgerAccounts {

    /** A member account locked for a posting: its id, its owner's home branch now, and its balance. */
    record MemberAccount(long id, long personId, String homeBranch, long balance) {
    }

    /** The locked accounts of a posting's members by person id, and the transfer already posted under its key. */
    record Locked(Map<Long, MemberAccount> members, Long earlierTransferId) {
    }

    private final EntityManager em;
    private final Map<String, Long> systemAccounts = new ConcurrentHashMap<>();

    LedgerAccounts(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks the accounts of a posting's persons (one or two), in ascending account id, and in the same statement
     * looks for a transfer already posted under the kind and key. Opens missing accounts first (404 for an unknown
     * person). One round trip on the usual path.
     */
    Locked lock(List<Long> personIds, TransferKind kind, String idempotencyKey) {
        Locked locked = tryLock(personIds, kind, idempotencyKey);
        if (locked.members().size() < personIds.size()) {
            open(personIds);
            locked = tryLock(personIds, kind, idempotencyKey);
        }
        return locked;
    }

    private Locked tryLock(List<Long> personIds, TransferKind kind, String idempotencyKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.person_id, a.id, p.home_branch, a.balance,
                       (SELECT t.id FROM platform.ledger_transfer t WHERE t.kind = ?2 AND t.idem_key = ?3)
                FROM platform.ledger_account a JOIN platform.person p ON p.id = a.person_id
                WHERE a.type = 'MEMBER' AND a.person_id IN (?1)
                ORDER BY a.id FOR UPDATE OF a""")
                .setParameter(1, personIds).setParameter(2, kind.name()).setParameter(3, idempotencyKey)
                .getResultList();
        Map<Long, MemberAccount> members = new LinkedHashMap<>();
        Long earlier = null;
        for (Object[] row : rows) {
            long personId = TransferRows.num(row[0]);
            members.put(personId, new MemberAccount(TransferRows.num(row[1]), personId, (String) row[2],
                    TransferRows.num(row[3])));
            earlier = TransferRows.optional(row[4]);
        }
        return new Locked(members, earlier);
    }

    /** Opens the accounts of persons who have none yet; 404 if a person does not exist. */
    private void open(List<Long> personIds) {
        Map<Long, Object[]> rows = memberRows(personIds);
        for (Long personId : personIds) {
            if (!rows.containsKey(personId)) {
                throw ApiProblem.notFound("person-not-found", "No person " + personId);
            }
        }
        em.createNativeQuery("""
                INSERT INTO platform.ledger_account (type, person_id, balance, created_at)
                SELECT 'MEMBER', id, 0, now() FROM platform.person WHERE id IN (?1) ORDER BY id
                ON CONFLICT DO NOTHING""")
                .setParameter(1, personIds).executeUpdate();
    }

    /** The account of a person if it is open. */
    Optional<Long> existingMember(long personId) {
        return memberRow(personId).filter(row -> row[1] != null).map(row -> TransferRows.num(row[1]));
    }

    /** A branch's system account, opened if needed. Cached once seen committed (its id never changes). */
    long system(String branch, AccountType type) {
        String cacheKey = branch + "/" + type;
        Long cached = systemAccounts.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Optional<Long> committed = systemRow(branch, type);
        if (committed.isPresent()) {
            systemAccounts.put(cacheKey, committed.get());
            return committed.get();
        }
        em.createNativeQuery("""
                INSERT INTO platform.ledger_account (type, branch_code, created_at) VALUES (?1, ?2, now())
                ON CONFLICT DO NOTHING""")
                .setParameter(1, type.name()).setParameter(2, branch).executeUpdate();
        return systemRow(branch, type).orElseThrow();
    }

    /** The id of a branch's system account if it is open. */
    Optional<Long> systemRow(String branch, AccountType type) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT id FROM platform.ledger_account WHERE branch_code = ?1 AND type = ?2""")
                .setParameter(1, branch).setParameter(2, type.name()).getResultList();
        return rows.stream().findFirst().map(TransferRows::num);
    }

    void addToBalance(long accountId, long delta) {
        em.createNativeQuery("UPDATE platform.ledger_account SET balance = balance + ?2 WHERE id = ?1")
                .setParameter(1, accountId).setParameter(2, delta).executeUpdate();
    }

    /** Moves {@code amount} from one locked member account to another, in one statement. */
    void move(long fromAccountId, long toAccountId, long amount) {
        em.createNativeQuery("""
                UPDATE platform.ledger_account SET balance = balance + CASE WHEN id = ?1 THEN -?3 ELSE ?3 END
                WHERE id IN (?1, ?2)""")
                .setParameter(1, fromAccountId).setParameter(2, toAccountId).setParameter(3, amount)
                .executeUpdate();
    }

    /** A member's balance: the cached column (kept equal to the sum of entries), 0 if the account is not open. */
    long memberBalance(long personId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT balance FROM platform.ledger_account WHERE person_id = ?1 AND type = 'MEMBER'""")
                .setParameter(1, personId).getResultList();
        return rows.isEmpty() ? 0 : TransferRows.num(rows.get(0));
    }

    /** Any account's balance from its entries alone: how system accounts are read, and the proof of cached ones. */
    long sumOfEntries(long accountId) {
        return TransferRows.num(em.createNativeQuery("""
                SELECT coalesce(sum(CASE WHEN credit_account_id = ?1 THEN amount ELSE -amount END), 0)
                FROM platform.ledger_transfer WHERE credit_account_id = ?1 OR debit_account_id = ?1""")
                .setParameter(1, accountId).getSingleResult());
    }

    private Map<Long, Object[]> memberRows(Collection<Long> personIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, a.id, p.home_branch FROM platform.person p
                LEFT JOIN platform.ledger_account a ON a.person_id = p.id AND a.type = 'MEMBER'
                WHERE p.id IN (?1)""")
                .setParameter(1, personIds).getResultList();
        Map<Long, Object[]> byPerson = new LinkedHashMap<>();
        rows.forEach(row -> byPerson.put(TransferRows.num(row[0]), row));
        return byPerson;
    }

    private Optional<Object[]> memberRow(long personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, a.id, p.home_branch FROM platform.person p
                LEFT JOIN platform.ledger_account a ON a.person_id = p.id AND a.type = 'MEMBER'
                WHERE p.id = ?1""")
                .setParameter(1, personId).getResultList();
        return rows.stream().findFirst();
    }
}
