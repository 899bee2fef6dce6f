package cn.tongyi.core.ledger;

import cn.tongyi.core.calendar.BusinessCalendar;
import cn.tongyi.core.calendar.WorkingDays;
import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R-LEDGER-6: a member disputes one of their own transfers with evidence; a steward of the branch where it happened
 * decides within 3 working days. Acceptance posts a CORRECTION transfer that references the disputed one, between
 * the same two accounts, for at most the disputed amount plus its recorded shortfall; the disputed transfer is never
 * touched. Nobody decides a dispute they raised or one on a transfer they are a party to. Callers run these in their
 * transaction.
 */
@ApplicationScoped
public class DisputeService {

    /** R-LEDGER-6: a steward decides within 3 working days of the filing day. */
    static final int DECISION_WORKING_DAYS = 3;

    private static final String COLUMNS = """
            SELECT id, transfer_id, branch_code, person_id, evidence, status, created_at, due_on, decided_by,
                   decided_at, decision_note, correction_transfer_id FROM platform.ledger_dispute""";

    private final EntityManager em;
    private final LedgerService ledger;
    private final LedgerAccounts accounts;
    private final BusinessCalendar calendar;
    private final BusinessClock clock;
    private final PersonIds personIds;

    DisputeService(EntityManager em, LedgerService ledger, LedgerAccounts accounts, BusinessCalendar calendar,
            BusinessClock clock, PersonIds personIds) {
        this.em = em;
        this.ledger = ledger;
        this.accounts = accounts;
        this.calendar = calendar;
        this.clock = clock;
        this.personIds = personIds;
    }

    public DisputeView file(long personId, long transferId, String branch, String evidence) {
        PostedTransfer disputed = ownTransfer(personId, transferId);
        if (branch != null && !branch.equals(disputed.branch())) {
            throw ApiProblem.unprocessable("dispute-branch-mismatch",
                    "This transfer happened in branch " + disputed.branch() + ", not " + branch);
        }
        long open = TransferRows.num(em.createNativeQuery("""
                SELECT count(*) FROM platform.ledger_dispute WHERE transfer_id = ?1 AND status = 'OPEN'""")
                .setParameter(1, transferId).getSingleResult());
        if (open > 0) {
            throw ApiProblem.conflict("dispute-open", "This transfer already has an open dispute");
        }
        LocalDate due = calendar.workingDaysAfter(clock.now().toInstant(), DECISION_WORKING_DAYS);
        long id = TransferRows.num(em.createNativeQuery("""
                INSERT INTO platform.ledger_dispute (transfer_id, branch_code, person_id, evidence, status, due_on,
                    created_at) VALUES (?1, ?2, ?3, ?4, 'OPEN', ?5, ?6) RETURNING id""")
                .setParameter(1, transferId).setParameter(2, disputed.branch()).setParameter(3, personId)
                .setParameter(4, evidence).setParameter(5, due).setParameter(6, clock.now()).getSingleResult());
        return view(row("WHERE id = ?1", id).orElseThrow());
    }

    public List<DisputeView> ofPerson(long personId) {
        return rows(" WHERE person_id = ?1 ORDER BY id DESC LIMIT 100", personId).stream().map(this::view).toList();
    }

    /** Disputes of transfers that happened in the branch; open ones oldest first, decided ones newest first. */
    public List<DisputeView> ofBranch(String branch, boolean open) {
        String where = open ? " WHERE branch_code = ?1 AND status = 'OPEN' ORDER BY id LIMIT 500"
                : " WHERE branch_code = ?1 AND status <> 'OPEN' ORDER BY id DESC LIMIT 500";
        return rows(where, branch).stream().map(this::view).toList();
    }

    /** Who decides: their internal person id (to keep them off their own disputes) and their username. */
    public record Decider(long personId, String username) {
    }

    /**
     * Decides an open dispute of the branch. {@code points} is signed from the disputing member's view (+ credits
     * them, − debits them); without it an acceptance reverses the disputed transfer in full.
     */
    public DisputeView decide(String branch, long disputeId, boolean accept, Long points, String note,
            Decider decider) {
        Object[] dispute = row("WHERE id = ?1 AND branch_code = ?2 FOR UPDATE", disputeId, branch)
                .orElseThrow(() -> ApiProblem.notFound("dispute-not-found", "No such dispute here"));
        if (!"OPEN".equals(dispute[5])) {
            throw ApiProblem.conflict("dispute-decided", "This dispute is already " + dispute[5]);
        }
        long disputer = TransferRows.num(dispute[3]);
        PostedTransfer disputed = ledger.transfer(TransferRows.num(dispute[1])).orElseThrow();
        requireImpartial(decider, disputer, disputed);
        Long correctionId = null;
        if (accept) {
            correctionId = correct(disputeId, disputer, disputed, points, note, decider.username()).id();
        } else if (points != null) {
            throw ApiProblem.badRequest("points-not-allowed", "A rejection moves no points");
        }
        em.createNativeQuery("""
                UPDATE platform.ledger_dispute SET status = ?2, decided_by = ?3, decided_at = ?6, decision_note = ?4,
                    correction_transfer_id = CAST(?5 AS bigint) WHERE id = ?1""")
                .setParameter(1, disputeId).setParameter(2, accept ? "ACCEPTED" : "REJECTED")
                .setParameter(3, decider.username()).setParameter(4, note).setParameter(5, correctionId)
                .setParameter(6, clock.now()).executeUpdate();
        return view(row("WHERE id = ?1", disputeId).orElseThrow());
    }

    private static void requireImpartial(Decider decider, long disputer, PostedTransfer disputed) {
        if (decider.personId() == disputer) {
            throw ApiProblem.forbidden("own-dispute", "Nobody decides a dispute they raised");
        }
        if (isParty(disputed.from(), decider.personId()) || isParty(disputed.to(), decider.personId())) {
            throw ApiProblem.forbidden("party-to-transfer",
                    "Nobody decides a dispute about a transfer they are a party to");
        }
    }

    private static boolean isParty(Party party, long personId) {
        return party.personId() != null && party.personId() == personId;
    }

    private PostedTransfer correct(long disputeId, long personId, PostedTransfer disputed, Long points, String note,
            String actor) {
        Party member = Party.member(personId);
        boolean memberWasCredited = disputed.to().equals(member);
        Party other = memberWasCredited ? disputed.from() : disputed.to();
        long signed = points != null ? points : (memberWasCredited ? -disputed.amount() : disputed.amount());
        if (signed == 0) {
            throw ApiProblem.badRequest("points-required", "Say how many points the correction moves");
        }
        long bound = disputed.amount() + disputed.shortfall();
        if (Math.abs(signed) > bound) {
            throw new ApiProblem(422, "correction-too-large", "A correction moves at most the disputed "
                    + Points.format(disputed.amount()) + " points plus its shortfall of "
                    + Points.format(disputed.shortfall()), Map.of("maximum", Points.format(bound)));
        }
        Party from = signed > 0 ? other : member;
        Party to = signed > 0 ? member : other;
        return ledger.post(new TransferRequest(TransferKind.CORRECTION, disputed.branch(), from, to, Math.abs(signed),
                new TransferRequest.Reference("DISPUTE", Long.toString(disputeId)), disputed.id(),
                "dispute:" + disputeId, actor, note));
    }

    /** A transfer the person is a party to, which they may dispute; 404 otherwise. */
    public PostedTransfer ownTransfer(long personId, long transferId) {
        Optional<Long> account = accounts.existingMember(personId);
        return ledger.transfer(transferId)
                .filter(t -> account.isPresent()
                        && (t.debitAccountId() == account.get() || t.creditAccountId() == account.get()))
                .orElseThrow(() -> ApiProblem.notFound("transfer-not-found", "No such transfer of yours"));
    }

    private Optional<Object[]> row(String where, Object... parameters) {
        return rows(" " + where, parameters).stream().findFirst();
    }

    private List<Object[]> rows(String where, Object... parameters) {
        var query = em.createNativeQuery(COLUMNS + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private DisputeView view(Object[] r) {
        LocalDate due = r[7] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) r[7];
        String status = (String) r[5];
        return new DisputeView(TransferRows.num(r[0]), TransferRows.num(r[1]), (String) r[2],
                personIds.publicId(TransferRows.num(r[3])), (String) r[4], status, shanghai(r[6]), due,
                "OPEN".equals(status) && WorkingDays.overdue(due, clock.now().toInstant()),
                ledger.transfer(TransferRows.num(r[1])).map(t -> TransferView.of(t, personIds)).orElse(null),
                (String) r[8],
                r[9] == null ? null : shanghai(r[9]), (String) r[10], TransferRows.optional(r[11]));
    }

    private static java.time.OffsetDateTime shanghai(Object time) {
        return TransferRows.time(time).atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime();
    }
}
