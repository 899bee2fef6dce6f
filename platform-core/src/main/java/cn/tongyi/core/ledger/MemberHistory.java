package cn.tongyi.core.ledger;

import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** A member's entries, newest first, a page at a time (R-LEDGER-4). */
@ApplicationScoped
public class MemberHistory {

    public static final int MAX_LIMIT = 100;

    public record Page(List<EntryView> entries, String nextCursor) {
    }

    private final EntityManager em;
    private final LedgerAccounts accounts;
    private final OpaqueIds opaqueIds;

    MemberHistory(EntityManager em, LedgerAccounts accounts, OpaqueIds opaqueIds) {
        this.em = em;
        this.accounts = accounts;
        this.opaqueIds = opaqueIds;
    }

    /** A page of entries; the cursor is the opaque id of the last entry shown, as the entries name it. */
    public Page page(long personId, String cursor, int limit) {
        long below = opaqueIds.below(OpaqueIds.Kind.TRANSFER, cursor);
        Optional<Long> account = accounts.existingMember(personId);
        if (account.isEmpty()) {
            return new Page(List.of(), null);
        }
        // two index range scans (debit side, credit side), merged: cheap however long the history
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.id, t.created_at, t.kind, t.amount, t.shortfall, t.branch_code, t.reference_type,
                       t.reference_id, t.corrects_id, t.credit_account_id = ?1,
                       CASE WHEN t.credit_account_id = ?1 THEN t.credit_balance_after ELSE t.debit_balance_after END,
                       o.type
                FROM ((SELECT id FROM platform.ledger_transfer WHERE debit_account_id = ?1 AND id < ?2
                       ORDER BY id DESC LIMIT ?3)
                      UNION ALL
                      (SELECT id FROM platform.ledger_transfer WHERE credit_account_id = ?1 AND id < ?2
                       ORDER BY id DESC LIMIT ?3)) page
                JOIN platform.ledger_transfer t ON t.id = page.id
                JOIN platform.ledger_account o
                  ON o.id = CASE WHEN t.credit_account_id = ?1 THEN t.debit_account_id ELSE t.credit_account_id END
                ORDER BY t.id DESC LIMIT ?3""")
                .setParameter(1, account.get()).setParameter(2, below).setParameter(3, limit + 1)
                .getResultList();
        List<EntryView> entries = rows.stream().limit(limit).map(MemberHistory::entry).toList();
        String next = rows.size() > limit
                ? opaqueIds.seal(OpaqueIds.Kind.TRANSFER, entries.get(entries.size() - 1).id()) : null;
        return new Page(entries, next);
    }

    private static EntryView entry(Object[] r) {
        boolean credited = (Boolean) r[9];
        long amount = TransferRows.num(r[3]);
        long shortfall = TransferRows.num(r[4]);
        TransferRequest.Reference reference = r[6] == null && r[7] == null ? null
                : new TransferRequest.Reference((String) r[6], (String) r[7]);
        Long after = TransferRows.optional(r[10]);
        return new EntryView(TransferRows.num(r[0]),
                TransferRows.time(r[1]).atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime(),
                TransferKind.valueOf((String) r[2]), Points.format(credited ? amount : -amount), (String) r[5],
                reference, AccountType.valueOf((String) r[11]), after == null ? null : Points.format(after),
                shortfall == 0 ? null : Points.format(shortfall), TransferRows.optional(r[8]));
    }
}
