package cn.tongyi.core.ledger;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and opens accounts. A person's account opens with their first posting; a branch's system accounts open with
 * the branch's first posting of their kind and never change, so their committed ids are cached. Only member rows are ever
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

    private final PlainSql sql;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Long> systemAccounts = new ConcurrentHashMap<>();

    LedgerAccounts(PlainSql sql, TransactionSynchronizationRegistry transactions) {
        this.sql = sql;
        this.transactions = transactions;
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
        record LockedRow(MemberAccount account, Long earlierTransferId) {
        }
        List<LockedRow> rows = sql.query("""
                SELECT a.person_id, a.id, p.home_branch, a.balance,
                       (SELECT t.id FROM platform.ledger_transfer t WHERE t.kind = ? AND t.idem_key = ?)
                FROM platform.ledger_account a JOIN platform.person p ON p.id = a.person_id
                WHERE a.type = 'MEMBER' AND a.person_id = ANY (?)
                ORDER BY a.id FOR UPDATE OF a""",
                row -> new LockedRow(new MemberAccount(row.getLong(2), row.getLong(1), row.getString(3),
                        row.getLong(4)), row.getObject(5, Long.class)),
                kind.name(), idempotencyKey, ids(personIds));
        Map<Long, MemberAccount> members = new LinkedHashMap<>();
        rows.forEach(row -> members.put(row.account().personId(), row.account()));
        return new Locked(members, rows.isEmpty() ? null : rows.get(0).earlierTransferId());
    }

    /** Opens the accounts of persons who have none yet; 404 if a person does not exist. */
    private void open(List<Long> personIds) {
        List<Long> existing = sql.query("SELECT id FROM platform.person WHERE id = ANY (?)", row -> row.getLong(1),
                ids(personIds));
        for (Long personId : personIds) {
            if (!existing.contains(personId)) {
                throw ApiProblem.notFound("person-not-found", "No person " + personId);
            }
        }
        sql.update("""
                INSERT INTO platform.ledger_account (type, person_id, balance, created_at)
                SELECT 'MEMBER', id, 0, now() FROM platform.person WHERE id = ANY (?) ORDER BY id
                ON CONFLICT DO NOTHING""", ids(personIds));
    }

    /** The account of a person if it is open. */
    Optional<Long> existingMember(long personId) {
        return sql.query("SELECT id FROM platform.ledger_account WHERE person_id = ? AND type = 'MEMBER'",
                row -> row.getLong(1), personId).stream().findFirst();
    }

    /**
     * A branch's system account, opened if needed. Its id never changes, so it is remembered, but only once the
     * transaction that read it has committed: an id this transaction inserted (or saw inserted by itself earlier) dies
     * with it if it rolls back.
     */
    long system(String branch, AccountType type) {
        String cacheKey = branch + "/" + type;
        Long cached = systemAccounts.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        sql.update("""
                INSERT INTO platform.ledger_account (type, branch_code, created_at) VALUES (?, ?, now())
                ON CONFLICT DO NOTHING""", type.name(), branch);
        long id = systemRow(branch, type).orElseThrow();
        rememberAfterCommit(cacheKey, id);
        return id;
    }

    private void rememberAfterCommit(String cacheKey, long id) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    systemAccounts.put(cacheKey, id);
                }
            }
        });
    }

    private Optional<Long> systemRow(String branch, AccountType type) {
        return sql.query("SELECT id FROM platform.ledger_account WHERE branch_code = ? AND type = ?",
                row -> row.getLong(1), branch, type.name()).stream().findFirst();
    }

    /** A member's balance: the cached column (kept equal to the sum of entries), 0 if the account is not open. */
    long memberBalance(long personId) {
        return sql.query("SELECT balance FROM platform.ledger_account WHERE person_id = ? AND type = 'MEMBER'",
                row -> row.getLong(1), personId).stream().findFirst().orElse(0L);
    }

    private static long[] ids(List<Long> personIds) {
        return personIds.stream().mapToLong(Long::longValue).toArray();
    }
}
