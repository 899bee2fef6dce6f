package cn.tongyi.core.ledger;

import java.util.UUID;

/** Small helpers shared by the ledger tests. */
final class LedgerFixture {

    private LedgerFixture() {
    }

    /** Issues points to a person through the Java API, as the members or time-bank domain does. */
    static PostedTransfer fund(LedgerService ledger, String branch, long personId, long points) {
        return ledger.post(TransferRequest.issue(TransferKind.SERVICE, branch, personId, Points.of(points),
                new TransferRequest.Reference("TEST", "fund"), "fund:" + UUID.randomUUID(), "test"));
    }

    /** Member accounts whose cached balance differs from the sum of their entries: must be 0. */
    static final String CACHED_BALANCE_MISMATCHES = """
            SELECT count(*) FROM platform.ledger_account a
            WHERE a.type = 'MEMBER' AND a.balance <> (
                SELECT coalesce(sum(CASE WHEN t.credit_account_id = a.id THEN t.amount ELSE -t.amount END), 0)
                FROM platform.ledger_transfer t WHERE t.credit_account_id = a.id OR t.debit_account_id = a.id)""";

    /** Sum over all accounts (members' cached balances, system accounts from entries): must be 0. */
    static final String SUM_OVER_ALL_ACCOUNTS = """
            SELECT (SELECT coalesce(sum(balance), 0) FROM platform.ledger_account WHERE type = 'MEMBER')
                 + (SELECT coalesce(sum(CASE WHEN a.id = t.credit_account_id THEN t.amount ELSE -t.amount END), 0)
                    FROM platform.ledger_account a JOIN platform.ledger_transfer t
                      ON a.id IN (t.credit_account_id, t.debit_account_id)
                    WHERE a.type <> 'MEMBER')""";
}
