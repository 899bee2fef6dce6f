package cn.tongyi.core.activity;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.finance.ExpenseItem;
import cn.tongyi.core.finance.Expenses;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * R-ACTIVITY-1..4: proposals and votes, the head's choice of 2–3 a month, the plan within budget, the announcement
 * 7 days ahead with the solitary elderly to invite, sign-in, satisfaction, and the summary 24 hours after the end.
 */
@ApplicationScoped
public class Activities implements DeadlineWatch {

    public record Proposal(UUID id, String month, String title, String description, UUID proposedBy,
            OffsetDateTime proposedAt, long votes, boolean chosen) {
    }

    public record Plan(OffsetDateTime startsAt, OffsetDateTime endsAt, String place, String program, String materials,
            long budgetFen, long sponsorshipFen, String sponsor) {
    }

    /** A solitary member to invite in person, with the stewards of their building. */
    public record ToInvite(UUID memberId, String name, String building, List<String> stewards, boolean invited) {
    }

    private final PlainSql sql;
    private final Inbox inbox;
    private final Expenses expenses;
    private final BusinessClock clock;

    Activities(PlainSql sql, Inbox inbox, Expenses expenses, BusinessClock clock) {
        this.sql = sql;
        this.inbox = inbox;
        this.expenses = expenses;
        this.clock = clock;
    }

    public Proposal propose(BranchCode branch, YearMonth month, String title, String description, UUID memberId) {
        if (month.isBefore(YearMonth.from(clock.today()))) {
            throw ApiProblem.invalidField("month-over", "month", "Propose for this month or a later one");
        }
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO " + branch.schemaName() + ".activity_proposal (id, month, title, description, "
                + "proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?)", id, month.toString(), title, description,
                memberId, clock.now());
        return proposal(branch, id);
    }

    /** One vote per member per proposal: a second vote changes nothing. */
    public Proposal vote(BranchCode branch, UUID proposalId, UUID memberId) {
        Proposal proposal = proposal(branch, proposalId);
        if (proposal.chosen()) {
            throw ApiProblem.conflict("proposal-chosen", "The activities of this month are chosen already");
        }
        sql.update("INSERT INTO " + branch.schemaName() + ".activity_vote (proposal_id, member_id, voted_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", proposalId, memberId, clock.now());
        return proposal(branch, proposalId);
    }

    public List<Proposal> proposals(BranchCode branch, YearMonth month) {
        return sql.query(PROPOSALS.formatted(branch.schemaName()) + " WHERE p.month = ? ORDER BY 7 DESC, p.proposed_at",
                Activities::toProposal, month.toString());
    }

    /** R-ACTIVITY-1: the head chooses 2 or 3 of the month's proposals, once a month. */
    public List<Activity> choose(BranchCode branch, YearMonth month, List<UUID> proposalIds, String actor) {
        if (proposalIds.size() < 2 || proposalIds.size() > 3 || proposalIds.stream().distinct().count()
                != proposalIds.size()) {
            throw ApiProblem.invalidField("choose-two-or-three", "proposalIds", "Choose 2 or 3 different proposals");
        }
        String schema = branch.schemaName();
        if (!sql.query("SELECT 1 FROM " + schema + ".activity WHERE month = ?", row -> 1, month.toString())
                .isEmpty()) {
            throw ApiProblem.conflict("activities-chosen", "The activities of " + month + " are chosen already");
        }
        OffsetDateTime now = clock.now();
        for (UUID proposalId : proposalIds) {
            Proposal proposal = proposal(branch, proposalId);
            if (!proposal.month().equals(month.toString())) {
                throw ApiProblem.invalidField("proposal-not-found", "proposalIds", "Not a proposal of " + month);
            }
            sql.update("INSERT INTO " + schema + ".activity (id, proposal_id, month, title, chosen_by, chosen_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), proposalId, proposal.month(), proposal.title(),
                    actor, now);
        }
        return list(branch, month);
    }

    /** R-ACTIVITY-2: time, place, program, materials and budget (at most 2,000.00 CNY); fixed once announced. */
    public Activity plan(BranchCode branch, UUID id, Plan plan) {
        Activity activity = require(branch, id);
        if (activity.announcedAt() != null) {
            throw ApiProblem.conflict("activity-announced", "An announced activity's plan is fixed");
        }
        if (plan.budgetFen() > Activity.MAX_BUDGET_FEN) {
            throw ApiProblem.invalidField("budget-over-limit", "budgetFen",
                    "An activity's budget is at most 2,000.00 CNY (200000 fen)");
        }
        if (!plan.endsAt().isAfter(plan.startsAt())) {
            throw ApiProblem.invalidField("invalid-time", "endsAt", "An activity ends after it starts");
        }
        sql.update("UPDATE " + branch.schemaName() + ".activity SET starts_at = ?, ends_at = ?, place = ?, program = ?, "
                + "materials = ?, budget_fen = ?, sponsorship_fen = ?, sponsor = ? WHERE id = ?", plan.startsAt(),
                plan.endsAt(), plan.place(), plan.program(), plan.materials(), plan.budgetFen(),
                plan.sponsorshipFen(), plan.sponsor(), id);
        return require(branch, id);
    }

    /** The activity's cost, less sponsorship, requested as an expense (R-FIN-2 approves and pays it). */
    public Activity requestExpense(BranchCode branch, UUID id, String payee, long personId, String actor) {
        Activity activity = require(branch, id);
        if (activity.budgetFen() == null) {
            throw ApiProblem.conflict("activity-not-planned", "Plan the activity first");
        }
        if (activity.expenseId() != null) {
            throw ApiProblem.conflict("activity-expense-requested", "The activity's expense was requested already");
        }
        long cost = activity.budgetFen() - activity.sponsorshipFen();
        if (cost <= 0) {
            throw ApiProblem.conflict("activity-sponsored", "Sponsorship covers the budget: no expense to request");
        }
        UUID expense = expenses.request(branch, new Expenses.NewExpense(ExpenseItem.OPERATIONS, cost, payee,
                "社区活动:" + activity.title() + "(" + activity.month() + ")"), personId, actor).id();
        sql.update("UPDATE " + branch.schemaName() + ".activity SET expense_id = ? WHERE id = ?", expense, id);
        return require(branch, id);
    }

    /**
     * R-ACTIVITY-3: announced into every member's inbox at least 7 days before it starts; returns the solitary members
     * of each building for their stewards to invite in person.
     */
    public List<ToInvite> announce(BranchCode branch, UUID id) {
        Activity activity = require(branch, id);
        if (activity.startsAt() == null) {
            throw ApiProblem.conflict("activity-not-planned", "Plan the activity first");
        }
        OffsetDateTime now = clock.now();
        if (activity.announcedAt() == null) {
            if (activity.startsAt().isBefore(now.plus(Activity.ANNOUNCE_AHEAD))) {
                throw ApiProblem.conflict("announcement-too-late",
                        "An activity is announced at least 7 days before it starts");
            }
            String schema = branch.schemaName();
            sql.update("UPDATE " + schema + ".activity SET announced_at = ? WHERE id = ?", now, id);
            String body = "%s:%s,%s。%s".formatted(activity.title(),
                    activity.startsAt().atZoneSameInstant(BusinessClock.ZONE).toLocalDateTime(), activity.place(),
                    activity.program());
            inbox.deliverAll(branch, sql.query("SELECT person_id FROM " + schema + ".member WHERE revoked_at IS NULL",
                    row -> new Inbox.Message(row.getLong(1), "ACTIVITY", "社区活动通知", body,
                            "activity:" + id + ":" + row.getLong(1))), now);
        }
        return toInvite(branch, id);
    }

    public List<ToInvite> toInvite(BranchCode branch, UUID id) {
        String schema = branch.schemaName();
        return sql.query("""
                SELECT m.id, m.name, b.name,
                       ARRAY(SELECT u.username FROM %1$s.building_steward bs JOIN platform.person u
                             ON u.id = bs.person_id WHERE bs.building_id = m.building_id ORDER BY u.username),
                       EXISTS (SELECT 1 FROM %1$s.activity_invitation i WHERE i.activity_id = ? AND i.member_id = m.id)
                FROM %1$s.solitary_member s JOIN %1$s.member m ON m.id = s.member_id
                JOIN %1$s.building b ON b.id = m.building_id
                WHERE m.revoked_at IS NULL ORDER BY b.name, m.name""".formatted(schema),
                row -> new ToInvite(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        List.of((String[]) row.getArray(4).getArray()), row.getBoolean(5)), id);
    }

    public void markSolitary(BranchCode branch, UUID memberId, String actor) {
        requireMember(memberId);
        sql.update("INSERT INTO " + branch.schemaName() + ".solitary_member (member_id, marked_by, marked_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", memberId, actor, clock.now());
    }

    public List<ToInvite> invite(BranchCode branch, UUID id, UUID memberId, String actor) {
        requireMember(memberId);
        requireAnnounced(branch, id);
        sql.update("INSERT INTO " + branch.schemaName() + ".activity_invitation (activity_id, member_id, invited_by, "
                + "invited_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", id, memberId, actor, clock.now());
        return toInvite(branch, id);
    }

    /** R-ACTIVITY-4: the member signs in, or a volunteer or steward on their behalf; once per member. */
    public Activity signIn(BranchCode branch, UUID id, UUID memberId, String actor) {
        requireMember(memberId);
        Activity activity = requireAnnounced(branch, id);
        if (clock.now().isBefore(activity.startsAt().minusHours(1)) || clock.now().isAfter(activity.endsAt())) {
            throw ApiProblem.conflict("activity-not-running", "Sign-in is open from an hour before to the end");
        }
        sql.update("INSERT INTO " + branch.schemaName() + ".activity_sign_in (activity_id, member_id, signed_in_by, "
                + "signed_in_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", id, memberId, actor, clock.now());
        return require(branch, id);
    }

    /** R-ACTIVITY-4: a satisfaction form (1–5 and a comment) from a member who signed in, once. */
    public Activity feedback(BranchCode branch, UUID id, UUID memberId, int score, String comment) {
        String schema = branch.schemaName();
        if (sql.query("SELECT 1 FROM " + schema + ".activity_sign_in WHERE activity_id = ? AND member_id = ?",
                row -> 1, id, memberId).isEmpty()) {
            throw ApiProblem.conflict("not-signed-in", "Only a member who signed in fills in the satisfaction form");
        }
        if (sql.update("INSERT INTO " + schema + ".activity_feedback (activity_id, member_id, score, comment, given_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", id, memberId, score, comment, clock.now()) == 0) {
            throw ApiProblem.conflict("feedback-given", "The satisfaction form was filled in already");
        }
        return require(branch, id);
    }

    /** R-ACTIVITY-4: the summary, due 24 hours after the end; late ones are flagged. */
    public Activity summarize(BranchCode branch, UUID id, String summary, String actor) {
        Activity activity = requireAnnounced(branch, id);
        if (clock.now().isBefore(activity.endsAt())) {
            throw ApiProblem.conflict("activity-not-over", "The summary follows the activity");
        }
        if (activity.summaryFiledAt() != null) {
            throw ApiProblem.conflict("summary-filed", "The summary was filed already");
        }
        sql.update("UPDATE " + branch.schemaName() + ".activity SET summary = ?, summary_filed_at = ?, "
                + "summary_filed_by = ? WHERE id = ?", summary, clock.now(), actor, id);
        return require(branch, id);
    }

    public List<Activity> list(BranchCode branch, YearMonth month) {
        return sql.query(ACTIVITIES.formatted(branch.schemaName()) + " WHERE a.month = ? ORDER BY a.starts_at, a.id",
                row -> toActivity(row, clock.now()), month.toString());
    }

    public Activity require(BranchCode branch, UUID id) {
        return sql.query(ACTIVITIES.formatted(branch.schemaName()) + " WHERE a.id = ?",
                row -> toActivity(row, clock.now()), id).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("activity-not-found", "No activity " + id));
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        return sql.query("SELECT id, ends_at FROM " + branch.schemaName() + ".activity WHERE summary_filed_at IS NULL "
                + "AND announced_at IS NOT NULL AND ends_at < ? ORDER BY ends_at",
                row -> new Overdue(branch.value(), "ACTIVITY_SUMMARY", row.getString(1),
                        row.getObject(2, OffsetDateTime.class).plus(Activity.SUMMARY_WITHIN), Role.STEWARD),
                now.minus(Activity.SUMMARY_WITHIN));
    }

    private Activity requireAnnounced(BranchCode branch, UUID id) {
        Activity activity = require(branch, id);
        if (activity.announcedAt() == null) {
            throw ApiProblem.conflict("activity-not-announced", "Announce the activity first");
        }
        return activity;
    }

    private Proposal proposal(BranchCode branch, UUID id) {
        return sql.query(PROPOSALS.formatted(branch.schemaName()) + " WHERE p.id = ?", Activities::toProposal, id)
                .stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("proposal-not-found", "No proposal " + id));
    }

    private static final String PROPOSALS = """
            SELECT p.id, p.month, p.title, p.description, p.proposed_by, p.proposed_at,
                   (SELECT count(*) FROM %1$s.activity_vote v WHERE v.proposal_id = p.id),
                   EXISTS (SELECT 1 FROM %1$s.activity a WHERE a.month = p.month)
            FROM %1$s.activity_proposal p""";

    private static Proposal toProposal(ResultSet row) throws SQLException {
        return new Proposal(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, UUID.class), row.getObject(6, OffsetDateTime.class), row.getLong(7),
                row.getBoolean(8));
    }

    private static final String ACTIVITIES = """
            SELECT a.id, a.proposal_id, a.month, a.title, a.starts_at, a.ends_at, a.place, a.program, a.materials,
                   a.budget_fen, a.sponsorship_fen, a.sponsor, a.expense_id, a.announced_at,
                   (SELECT count(*) FROM %1$s.activity_invitation i WHERE i.activity_id = a.id),
                   (SELECT count(*) FROM %1$s.activity_sign_in s WHERE s.activity_id = a.id),
                   (SELECT count(*) FROM %1$s.activity_feedback f WHERE f.activity_id = a.id),
                   (SELECT avg(f.score)::float8 FROM %1$s.activity_feedback f WHERE f.activity_id = a.id),
                   a.summary, a.summary_filed_at
            FROM %1$s.activity a""";

    private static Activity toActivity(ResultSet row, OffsetDateTime now) throws SQLException {
        OffsetDateTime endsAt = row.getObject(6, OffsetDateTime.class);
        OffsetDateTime filed = row.getObject(20, OffsetDateTime.class);
        OffsetDateTime due = endsAt == null ? null : endsAt.plus(Activity.SUMMARY_WITHIN);
        boolean late = due != null && (filed == null ? now.isAfter(due) : filed.isAfter(due));
        return new Activity(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getString(4), row.getObject(5, OffsetDateTime.class), endsAt, row.getString(7), row.getString(8),
                row.getString(9), (Long) row.getObject(10), row.getLong(11), row.getString(12),
                row.getObject(13, UUID.class), row.getObject(14, OffsetDateTime.class), row.getInt(15),
                row.getInt(16), row.getInt(17), (Double) row.getObject(18), row.getString(19), filed, due, late);
    }

    private static void requireMember(UUID memberId) {
        if (memberId == null || Member.findById(memberId) == null) {
            throw ApiProblem.invalidField("member-not-found", "memberId", "No such member in this branch");
        }
    }
}
