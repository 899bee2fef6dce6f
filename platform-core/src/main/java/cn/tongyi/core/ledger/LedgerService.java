package cn.tongyi.core.ledger;

import cn.tongyi.core.idempotency.RetryTransient;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The points ledger's Java API, for every domain that moves points (members: referral, birthday; the time bank:
 * service credit, payment, penalty; merchants: redemption; disputes: corrections). A posting is one immutable
 * double-entry transfer, applied once per (kind, idempotency key).
 *
 * <p>Concurrency: only the member accounts a transfer touches are locked ({@code SELECT … FOR UPDATE}, ascending id);
 * system accounts are never locked or updated, so a branch's issuance account does not serialise its postings. The
 * balance check and the cached balance update happen under those locks, in the caller's transaction. Called outside a
 * transaction, a posting aborted by a deadlock or serialization failure is retried ({@link RetryTransient}); inside
 * one, the caller's boundary must retry (an {@code @Idempotent} resource method does).
 */
@ApplicationScoped
public class LedgerService {

    private final PlainSql sql;
    private final LedgerAccounts accounts;
    private final LedgerRules rules;
    private final TransferRows transfers;

    LedgerService(PlainSql sql, LedgerAccounts accounts, LedgerRules rules, TransferRows transfers) {
        this.sql = sql;
        this.accounts = accounts;
        this.rules = rules;
        this.transfers = transfers;
    }

    /**
     * Posts a transfer, or returns the one already posted under the same kind and idempotency key. Refuses with
     * 409 {@code insufficient-points} a payment, redemption or correction the member's balance does not cover
     * (R-LEDGER-5); a penalty beyond the balance floors at zero and records the shortfall, unless the branch allows
     * negative balances. 404 {@code person-not-found} for an unknown person; 422 {@code transfer-key-reused} when
     * the key was used for a different transfer.
     */
    @Transactional
    @RetryTransient
    public PostedTransfer post(TransferRequest request) {
        return post(request, UNGUARDED);
    }

    /** As {@link #post(TransferRequest)}, written only together with the guard's update (see {@link PostingGuard}). */
    @Transactional
    @RetryTransient
    public PostedTransfer post(TransferRequest request, PostingGuard guard) {
        // Locks the member rows (ascending id) and finds an earlier transfer with the same kind and key in one round
        // trip. A twin posting racing past that check loses on the unique (kind, key) at insert; its transaction
        // rolls back and, re-run by @RetryTransient, finds the twin's transfer here.
        LedgerAccounts.Locked locked = accounts.lock(memberPersonIds(request), request.kind(),
                request.idempotencyKey());
        if (locked.earlierTransferId() != null) {
            return replay(transfers.byId(locked.earlierTransferId()).orElseThrow(), request);
        }
        Map<Long, LedgerAccounts.MemberAccount> members = locked.members();
        Side debit = side(request.branch(), request.from(), members);
        Side credit = side(request.branch(), request.to(), members);
        long amount = request.centiPoints();
        long shortfall = 0;
        Long debitAfter = null;
        Long creditAfter = null;
        if (debit.member()) {
            long balance = debit.balance();
            if (balance < amount) {
                if (request.kind().refusesOverdraft()) {
                    guard.refusal().ifPresent(refusal -> {
                        throw refusal;
                    });
                    throw insufficient(balance, amount);
                }
                if (!rules.of(request.branch()).penaltyMayGoNegative()) {
                    long taken = Math.max(0, balance);
                    shortfall = amount - taken;
                    amount = taken;
                }
            }
            debitAfter = balance - amount;
        }
        if (credit.member()) {
            creditAfter = credit.balance() + amount;
        }
        Object[] posting = {memberAccountIds(debit, credit), memberDeltas(debit, credit, amount),
            request.kind().name(), debit.accountId(), credit.accountId(), amount, shortfall, request.branch(),
            request.reference() == null ? null : request.reference().type(),
            request.reference() == null ? null : request.reference().id(), request.corrects(),
            request.idempotencyKey(), debitAfter, creditAfter, debit.homeBranch(), credit.homeBranch(), request.note(),
            request.createdBy()};
        List<Recorded> written = sql.query("WITH guard AS (" + guard.update() + ")," + WRITE,
                row -> new Recorded(row.getLong(1), row.getObject(2, OffsetDateTime.class)),
                concat(guard.parameters(), posting));
        if (written.isEmpty()) {
            // a twin with the same key, committed after this statement's lock (its snapshot could not see it),
            // settled the guarded record first: answer as its replay
            Optional<Long> twin = transfers.idOf(request.kind(), request.idempotencyKey());
            if (twin.isPresent()) {
                return replay(transfers.byId(twin.get()).orElseThrow(), request);
            }
            throw guard.refusal().orElseThrow(() -> new IllegalStateException("A posting's guard failed unexplained"));
        }
        Recorded recorded = written.get(0);
        return new PostedTransfer(recorded.id(), request.kind(), request.branch(), request.from(), request.to(),
                debit.accountId(), credit.accountId(), amount, shortfall, request.reference(), request.corrects(),
                debitAfter, creditAfter, TransferRows.time(recorded.createdAt()), request.createdBy(), request.note(),
                false);
    }

    /** A transfer by id, if it exists. */
    public Optional<PostedTransfer> transfer(long id) {
        return transfers.byId(id);
    }

    /** A person's balance in centi-points (R-LEDGER-4); 0 before their first posting. */
    public long balance(long personId) {
        return accounts.memberBalance(personId);
    }

    /** The balance updates and the insert, after the guard, written only if it changed a row: one statement. */
    private static final String WRITE = """
             moved AS (
                UPDATE platform.ledger_account a SET balance = a.balance + d.delta
                FROM unnest(?::bigint[], ?::bigint[]) AS d (id, delta)
                WHERE a.id = d.id AND EXISTS (SELECT 1 FROM guard))
            INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, shortfall,
                branch_code, reference_type, reference_id, corrects_id, idem_key, debit_balance_after,
                credit_balance_after, debit_home_branch, credit_home_branch, note, created_at, created_by)
            SELECT ?::varchar, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::varchar, ?::varchar, ?::varchar,
                ?::bigint, ?::varchar, ?::bigint, ?::bigint, ?::varchar, ?::varchar, ?::varchar, now(), ?::varchar
            WHERE EXISTS (SELECT 1 FROM guard)
            RETURNING id, created_at""";

    /** A posting that settles nothing else. */
    private static final PostingGuard UNGUARDED = new PostingGuard() {
        @Override
        public String update() {
            return "SELECT 1";
        }

        @Override
        public Object[] parameters() {
            return new Object[0];
        }

        @Override
        public Optional<ApiProblem> refusal() {
            return Optional.empty();
        }
    };

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private record Side(long accountId, boolean member, String homeBranch, long balance) {
    }

    private record Recorded(long id, OffsetDateTime createdAt) {
    }

    /** The member sides, whose cached balances move with the transfer; system balances are derived from entries. */
    private static long[] memberAccountIds(Side debit, Side credit) {
        return LongStream.concat(debit.member() ? LongStream.of(debit.accountId()) : LongStream.empty(),
                credit.member() ? LongStream.of(credit.accountId()) : LongStream.empty()).toArray();
    }

    private static long[] memberDeltas(Side debit, Side credit, long amount) {
        return LongStream.concat(debit.member() ? LongStream.of(-amount) : LongStream.empty(),
                credit.member() ? LongStream.of(amount) : LongStream.empty()).toArray();
    }

    private static List<Long> memberPersonIds(TransferRequest request) {
        List<Long> ids = new ArrayList<>(2);
        for (Party party : List.of(request.from(), request.to())) {
            if (party.type() == AccountType.MEMBER) {
                ids.add(party.personId());
            }
        }
        ids.sort(null);
        return ids;
    }

    private Side side(String branch, Party party, Map<Long, LedgerAccounts.MemberAccount> members) {
        if (party.type() == AccountType.MEMBER) {
            LedgerAccounts.MemberAccount account = members.get(party.personId());
            return new Side(account.id(), true, account.homeBranch(), account.balance());
        }
        return new Side(accounts.system(branch, party.type()), false, null, 0);
    }

    private static PostedTransfer replay(PostedTransfer earlier, TransferRequest request) {
        if (!earlier.sameAs(request)) {
            throw ApiProblem.unprocessable("transfer-key-reused",
                    "The idempotency key " + request.idempotencyKey() + " was used for another " + request.kind());
        }
        return earlier.asReplay();
    }

    public static ApiProblem insufficient(long balance, long requested) {
        return new ApiProblem(409, "insufficient-points",
                "The balance of " + Points.format(balance) + " points does not cover " + Points.format(requested),
                Map.of("balance", Points.format(balance), "requested", Points.format(requested)));
    }
}
