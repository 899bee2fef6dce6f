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

    /** A member account resolved for a posting: its id and its owner's home branch now. */
    record MemberAccount(long id, long personId, String homeBranch) {
    }

    private final EntityManager em;
    private final Map<String, Long> systemAccounts = new ConcurrentHashMap<>();

    LedgerAccounts(EntityManager em) {
        this.em = em;
    }

    /** The accounts of one or two persons, opened if needed; 404 if one of them does not exist. */
    Map<Long, MemberAccount> members(Collection<Long> personIds) {
        Map<Long, Object[]> rows = memberRows(personIds);
        for (Long personId : personIds) {
            if (!rows.containsKey(personId)) {
                throw ApiProblem.notFound("person-not-found", "No person " + personId);
            }
        }
        if (rows.values().stream().anyMatch(row -> row[1] == null)) {
            em.createNativeQuery("""
                    INSERT INTO platform.ledger_account (type, person_id, balance, created_at)
                    SELECT 'MEMBER', id, 0, now() FROM platform.person WHERE id IN (?1) ORDER BY id
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, personIds).executeUpdate();
            rows = memberRows(personIds);
        }
        Map<Long, MemberAccount> accounts = new LinkedHashMap<>();
        rows.forEach((personId, row) -> accounts.put(personId,
                new MemberAccount(TransferRows.num(row[1]), personId, (String) row[2])));
        return accounts;
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

    /** Locks member accounts in ascending id order and returns their balances by id. */
    Map<Long, Long> lockBalances(Collection<Long> accountIds) {
        List<Long> ids = new ArrayList<>(accountIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, balance FROM platform.ledger_account WHERE id IN (?1) ORDER BY id FOR UPDATE""")
                .setParameter(1, ids).getResultList();
        Map<Long, Long> balances = new LinkedHashMap<>();
        rows.forEach(row -> balances.put(TransferRows.num(row[0]), TransferRows.num(row[1])));
        return balances;
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
