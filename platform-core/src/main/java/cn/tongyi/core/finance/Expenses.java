package cn.tongyi.core.finance;

import cn.tongyi.core.governance.GovernanceBodies;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * R-FIN-2: expenses and their approval. The tier follows from the amount ({@link ExpenseTier}); approvals, votes and the
 * payment are immutable rows, and an expense's status is derived from them. Every decision locks the expense's row, so
 * decisions on one expense run one after the other and it is paid once. Nobody decides on or pays an expense they
 * requested.
 */
@ApplicationScoped
public class Expenses {

    static final Set<Role> CORE_TEAM = EnumSet.of(Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE);
    static final Set<String> INVOICE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
    static final int MAX_INVOICE_BYTES = 5 * 1024 * 1024;

    public enum Status {
        PENDING_APPROVAL,
        APPROVED,
        REJECTED,
        PAID
    }

    public record NewExpense(ExpenseItem item, long amountFen, String payee, String description) {
    }

    public record Approval(String approver, String roles, boolean approved, String note, OffsetDateTime decidedAt) {
    }

    public record Vote(UUID memberId, boolean inFavour, OffsetDateTime votedAt) {
    }

    public record Invoice(UUID id, String mediaType, int sizeBytes, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    public record Payment(String reference, LocalDate bookedOn, String paidBy, OffsetDateTime paidAt) {
    }

    /** An expense as the API shows it, with the rule its approval follows and how far it got. */
    public record ExpenseView(UUID id, ExpenseItem item, long amountFen, String currency, ExpenseTier tier,
            boolean reportedToHq, String payee, String description, String requestedBy, OffsetDateTime requestedAt,
            Status status, String approvalRule, List<Approval> approvals, long votesFor, long votesAgainst,
            List<Vote> votes, List<Invoice> invoices, Payment payment) {
    }

    private record Requested(UUID id, ExpenseItem item, long amountFen, ExpenseTier tier, String payee,
            String description, long requestedByPerson, String requestedBy, OffsetDateTime requestedAt) {
    }

    private final PlainSql sql;
    private final FinancePeriods periods;
    private final GovernanceBodies governance;
    private final BusinessClock clock;

    Expenses(PlainSql sql, FinancePeriods periods, GovernanceBodies governance, BusinessClock clock) {
        this.sql = sql;
        this.periods = periods;
        this.governance = governance;
        this.clock = clock;
    }

    public ExpenseView request(BranchCode branch, NewExpense expense, long personId, String actor) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO " + branch.schemaName() + """
                .expense (id, item, amount_fen, tier, payee, description, requested_by_person, requested_by,
                    requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, expense.item().name(), expense.amountFen(),
                ExpenseTier.of(expense.amountFen()).name(), expense.payee(), expense.description(), personId, actor,
                clock.now());
        return view(branch, id);
    }

    /**
     * An approval (or refusal) by a core-team member: the head alone for the HEAD tier, two distinct core-team members
     * for CORE_TEAM; a COUNCIL expense is voted on instead.
     */
    public ExpenseView approve(BranchCode branch, UUID id, boolean approved, String note, long personId, String actor,
            Set<Role> roles) {
        Requested expense = lockPending(branch, id, personId);
        if (expense.tier() == ExpenseTier.COUNCIL) {
            throw ApiProblem.conflict("council-vote-required", "An expense above 5,000.00 CNY is decided by the "
                    + "member representative council's vote");
        }
        if (expense.tier() == ExpenseTier.HEAD && !roles.contains(Role.BRANCH_HEAD)) {
            throw ApiProblem.forbidden("approver-not-head", "Up to 500.00 CNY the branch head approves");
        }
        if (roles.stream().noneMatch(CORE_TEAM::contains)) {
            throw ApiProblem.forbidden("approver-not-core-team", "Only the core team approves expenses");
        }
        if (!sql.query("SELECT 1 FROM " + branch.schemaName()
                + ".expense_approval WHERE expense_id = ? AND approver_person = ?", row -> 1, id, personId).isEmpty()) {
            throw ApiProblem.conflict("already-approved", "You have already decided on this expense");
        }
        String held = roles.stream().filter(CORE_TEAM::contains).map(Role::name).sorted()
                .collect(Collectors.joining(","));
        sql.update("INSERT INTO " + branch.schemaName() + """
                .expense_approval (expense_id, approver_person, approver, approver_roles, approved, note, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, personId, actor, held, approved, note, clock.now());
        return view(branch, id);
    }

    /** A council member's vote on a COUNCIL expense, once, while it is undecided. */
    public ExpenseView vote(BranchCode branch, UUID id, boolean inFavour, long personId) {
        Requested expense = lockPending(branch, id, personId);
        if (expense.tier() != ExpenseTier.COUNCIL) {
            throw ApiProblem.conflict("not-a-council-expense", "Only expenses above 5,000.00 CNY go to the council");
        }
        GovernanceBodies.Seat seat = governance.councillor(branch, personId, clock.today())
                .orElseThrow(() -> ApiProblem.forbidden("not-on-council",
                        "Only members of the representative council vote"));
        if (!sql.query("SELECT 1 FROM " + branch.schemaName()
                + ".expense_vote WHERE expense_id = ? AND voter_person = ?", row -> 1, id, personId).isEmpty()) {
            throw ApiProblem.conflict("already-voted", "You have already voted on this expense");
        }
        sql.update("INSERT INTO " + branch.schemaName() + """
                .expense_vote (expense_id, voter_person, voter_member, in_favour, voted_at) VALUES (?, ?, ?, ?, ?)""",
                id, personId, seat.memberId(), inFavour, clock.now());
        return view(branch, id);
    }

    public ExpenseView attachInvoice(BranchCode branch, UUID id, UploadedFile file, String actor) {
        requested(branch, id);
        sql.update("INSERT INTO " + branch.schemaName() + """
                .expense_invoice (id, expense_id, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), id, file.mediaType(), file.content().length,
                file.sha256(), file.content(), actor, clock.now());
        return view(branch, id);
    }

    /** The payment, once approval is complete and an invoice is attached; exactly once, booked today. */
    public ExpenseView pay(BranchCode branch, UUID id, String reference, long personId, String actor) {
        Requested expense = lock(branch, id);
        if (expense.requestedByPerson() == personId) {
            throw ApiProblem.forbidden("own-expense", "Nobody pays an expense they requested");
        }
        Status status = status(branch, expense);
        if (status == Status.PAID) {
            throw ApiProblem.conflict("already-paid", "This expense is paid already");
        }
        if (status != Status.APPROVED) {
            throw ApiProblem.conflict("approval-incomplete", "The expense is " + status
                    + "; it is paid only once its approval is complete");
        }
        if (invoices(branch, id).isEmpty()) {
            throw ApiProblem.conflict("invoice-required", "Attach the invoice before paying");
        }
        LocalDate today = clock.today();
        periods.requireOpen(branch, today);
        try {
            sql.update("INSERT INTO " + branch.schemaName() + """
                    .expense_payment (expense_id, amount_fen, reference, booked_on, paid_by_person, paid_by, paid_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", id, expense.amountFen(), reference, today, personId, actor,
                    clock.now());
        } catch (RuntimeException e) {
            throw FinancePeriods.refusal(e);
        }
        return view(branch, id);
    }

    public ExpenseView view(BranchCode branch, UUID id) {
        Requested expense = requested(branch, id);
        String schema = branch.schemaName();
        List<Approval> approvals = sql.query("SELECT approver, approver_roles, approved, note, decided_at FROM "
                + schema + ".expense_approval WHERE expense_id = ? ORDER BY id", row -> new Approval(row.getString(1),
                        row.getString(2), row.getBoolean(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class)), id);
        List<Vote> votes = votes(branch, id);
        List<Payment> payment = sql.query("SELECT reference, booked_on, paid_by, paid_at FROM " + schema
                + ".expense_payment WHERE expense_id = ?", row -> new Payment(row.getString(1),
                        row.getObject(2, LocalDate.class), row.getString(3), row.getObject(4, OffsetDateTime.class)),
                id);
        return new ExpenseView(expense.id(), expense.item(), expense.amountFen(), "CNY", expense.tier(),
                expense.tier().reportedToHq(), expense.payee(), expense.description(), expense.requestedBy(),
                expense.requestedAt(), status(branch, expense), rule(expense.tier()), approvals,
                votes.stream().filter(Vote::inFavour).count(), votes.stream().filter(v -> !v.inFavour()).count(),
                votes, invoices(branch, id), payment.isEmpty() ? null : payment.get(0));
    }

    /** Expenses newest first, optionally of one status or tier. */
    public List<ExpenseView> list(BranchCode branch, Status status, ExpenseTier tier, int limit) {
        List<UUID> ids = sql.query("SELECT id FROM " + branch.schemaName() + ".expense WHERE (?::varchar IS NULL OR "
                + "tier = ?) ORDER BY requested_at DESC, id", row -> row.getObject(1, UUID.class),
                tier == null ? null : tier.name(), tier == null ? null : tier.name());
        return ids.stream().map(id -> view(branch, id)).filter(e -> status == null || e.status() == status)
                .limit(limit).toList();
    }

    public byte[] invoiceContent(BranchCode branch, UUID expenseId, UUID invoiceId) {
        List<byte[]> content = sql.query("SELECT content FROM " + branch.schemaName()
                + ".expense_invoice WHERE id = ? AND expense_id = ?", row -> row.getBytes(1), invoiceId, expenseId);
        if (content.isEmpty()) {
            throw ApiProblem.notFound("invoice-not-found", "No invoice " + invoiceId + " of expense " + expenseId);
        }
        return content.get(0);
    }

    public Invoice invoice(BranchCode branch, UUID expenseId, UUID invoiceId) {
        return invoices(branch, expenseId).stream().filter(i -> i.id().equals(invoiceId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("invoice-not-found", "No invoice " + invoiceId));
    }

    private Requested lockPending(BranchCode branch, UUID id, long personId) {
        Requested expense = lock(branch, id);
        if (expense.requestedByPerson() == personId) {
            throw ApiProblem.forbidden("own-expense", "Nobody approves or votes on an expense they requested");
        }
        Status status = status(branch, expense);
        if (status != Status.PENDING_APPROVAL) {
            throw ApiProblem.conflict("expense-decided", "The expense is " + status + " already");
        }
        return expense;
    }

    private Status status(BranchCode branch, Requested expense) {
        String schema = branch.schemaName();
        if (!sql.query("SELECT 1 FROM " + schema + ".expense_payment WHERE expense_id = ?", row -> 1, expense.id())
                .isEmpty()) {
            return Status.PAID;
        }
        if (expense.tier() == ExpenseTier.COUNCIL) {
            List<Vote> votes = votes(branch, expense.id());
            long yes = votes.stream().filter(Vote::inFavour).count();
            if (yes >= ExpenseTier.COUNCIL_MAJORITY) {
                return Status.APPROVED;
            }
            return votes.size() - yes >= ExpenseTier.COUNCIL_BLOCKING_MINORITY ? Status.REJECTED
                    : Status.PENDING_APPROVAL;
        }
        List<Approval> approvals = sql.query("SELECT approver, approver_roles, approved, note, decided_at FROM "
                + schema + ".expense_approval WHERE expense_id = ?", row -> new Approval(row.getString(1),
                        row.getString(2), row.getBoolean(3), null, null), expense.id());
        if (approvals.stream().anyMatch(a -> !a.approved())) {
            return Status.REJECTED;
        }
        boolean complete = expense.tier() == ExpenseTier.HEAD
                ? approvals.stream().anyMatch(a -> a.roles().contains(Role.BRANCH_HEAD.name()))
                : approvals.size() >= ExpenseTier.CORE_TEAM_APPROVALS;
        return complete ? Status.APPROVED : Status.PENDING_APPROVAL;
    }

    private static String rule(ExpenseTier tier) {
        return switch (tier) {
            case HEAD -> "≤ 500.00 CNY: approved by the branch head";
            case CORE_TEAM -> "500.01–5,000.00 CNY: approved by 2 distinct core-team members (not the requester); "
                    + "reported to HQ";
            case COUNCIL -> "> 5,000.00 CNY: the member representative council votes; 6 YES of the 10 seats carry it, "
                    + "5 NO reject it; reported to HQ";
        };
    }

    private List<Vote> votes(BranchCode branch, UUID id) {
        return sql.query("SELECT voter_member, in_favour, voted_at FROM " + branch.schemaName()
                + ".expense_vote WHERE expense_id = ? ORDER BY id", row -> new Vote(row.getObject(1, UUID.class),
                        row.getBoolean(2), row.getObject(3, OffsetDateTime.class)), id);
    }

    private List<Invoice> invoices(BranchCode branch, UUID id) {
        return sql.query("SELECT id, media_type, size_bytes, sha256, uploaded_by, uploaded_at FROM "
                + branch.schemaName() + ".expense_invoice WHERE expense_id = ? ORDER BY uploaded_at, id",
                row -> new Invoice(row.getObject(1, UUID.class), row.getString(2), row.getInt(3), row.getString(4),
                        row.getString(5), row.getObject(6, OffsetDateTime.class)), id);
    }

    private Requested lock(BranchCode branch, UUID id) {
        return find(branch, id, " FOR UPDATE");
    }

    private Requested requested(BranchCode branch, UUID id) {
        return find(branch, id, "");
    }

    private Requested find(BranchCode branch, UUID id, String lock) {
        List<Requested> found = sql.query("SELECT id, item, amount_fen, tier, payee, description, requested_by_person,"
                + " requested_by, requested_at FROM " + branch.schemaName() + ".expense WHERE id = ?" + lock,
                Expenses::requested, id);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("expense-not-found", "No expense " + id);
        }
        return found.get(0);
    }

    private static Requested requested(ResultSet row) throws SQLException {
        return new Requested(row.getObject(1, UUID.class), ExpenseItem.valueOf(row.getString(2)), row.getLong(3),
                ExpenseTier.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getLong(7),
                row.getString(8), row.getObject(9, OffsetDateTime.class));
    }
}
