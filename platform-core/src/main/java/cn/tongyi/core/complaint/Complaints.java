package cn.tongyi.core.complaint;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.volunteer.Volunteer;
import cn.tongyi.core.volunteer.VolunteerService;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * R-COMPLAINT-1..3: intake, first contact, resolution and its sanction, applied through the ledger (a penalty), the
 * volunteer service (a week's suspension, which withdraws the offers made to them) and the member's freeze or
 * revocation. Also watches the two clocks of every open complaint.
 */
@ApplicationScoped
public class Complaints implements DeadlineWatch {

    static final int SUSPENSION_DAYS = 7;
    static final int FREEZE_MONTHS = 1;

    public record NewComplaint(Complaint.Channel channel, Complaint.SubjectType subjectType, String subjectRef,
            UUID complainantMemberId, String description) {
    }

    public record Resolution(String text, Complaint.Outcome outcome, UUID volunteerMemberId, Long penaltyPoints) {
    }

    private final PlainSql sql;
    private final LedgerService ledger;
    private final VolunteerService volunteers;
    private final BusinessClock clock;

    Complaints(PlainSql sql, LedgerService ledger, VolunteerService volunteers, BusinessClock clock) {
        this.sql = sql;
        this.ledger = ledger;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** A complaint that reached staff by phone or in person; the app's own complaints are the members'. */
    public Complaint receiveFromStaff(BranchCode branch, NewComplaint complaint, String actor) {
        if (complaint.channel() == null || complaint.channel() == Complaint.Channel.APP) {
            throw ApiProblem.invalidField("invalid-channel", "channel", "Staff enter PHONE or IN_PERSON complaints");
        }
        return receive(branch, complaint, actor);
    }

    public Complaint receive(BranchCode branch, NewComplaint complaint, String actor) {
        if (complaint.complainantMemberId() != null && Member.findById(complaint.complainantMemberId()) == null) {
            throw ApiProblem.invalidField("member-not-found", "complainantMemberId", "No such member in this branch");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.now();
        sql.update("INSERT INTO " + branch.schemaName() + ".complaint (id, channel, subject_type, subject_ref, "
                + "complainant_member, description, received_at, received_by, contact_due_at, resolve_due_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, complaint.channel().name(),
                complaint.subjectType().name(), complaint.subjectRef(), complaint.complainantMemberId(),
                complaint.description(), now, actor, now.plus(Complaint.CONTACT_WITHIN),
                now.plus(Complaint.RESOLVE_WITHIN));
        return require(branch, id);
    }

    public Complaint contact(BranchCode branch, UUID id, String note, String actor) {
        Complaint complaint = require(branch, id);
        if (complaint.contactedAt() != null) {
            throw ApiProblem.conflict("complaint-already-contacted", "The complainant was already contacted");
        }
        sql.update("UPDATE " + branch.schemaName() + ".complaint SET contacted_at = ?, contacted_by = ?, "
                + "contact_note = ? WHERE id = ?", clock.now(), actor, note, id);
        return require(branch, id);
    }

    public Complaint resolve(BranchCode branch, UUID id, Resolution resolution, boolean byHead, String actor) {
        Complaint complaint = require(branch, id);
        if (complaint.resolvedAt() != null) {
            throw ApiProblem.conflict("complaint-already-resolved", "The complaint was already resolved");
        }
        if (complaint.contactedAt() == null) {
            throw ApiProblem.conflict("complaint-not-contacted", "Contact the complainant before resolving");
        }
        if (resolution.outcome().sanctions() && !byHead) {
            throw ApiProblem.forbidden("sanction-needs-head", "Only the branch head applies a sanction");
        }
        Sanction sanction = switch (resolution.outcome()) {
            case VOLUNTEER_BELOW_STANDARD -> sanctionVolunteer(branch, complaint, resolution, actor);
            case MALICIOUS, MALICIOUS_SERIOUS -> sanctionComplainant(complaint, resolution.outcome());
            case NO_FAULT, SETTLED -> new Sanction(null, null, null, false);
        };
        sql.update("UPDATE " + branch.schemaName() + ".complaint SET resolved_at = ?, resolved_by = ?, resolution = ?, "
                + "outcome = ?, sanctioned_member = ?, penalty_points = ?, sanctioned_until = ?, "
                + "retraining_required = ? WHERE id = ?", clock.now(), actor, resolution.text(),
                resolution.outcome().name(), sanction.member(), sanction.penaltyPoints(), sanction.until(),
                sanction.retraining(), id);
        return require(branch, id);
    }

    private record Sanction(UUID member, Long penaltyPoints, LocalDate until, boolean retraining) {
    }

    private Sanction sanctionVolunteer(BranchCode branch, Complaint complaint, Resolution resolution, String actor) {
        UUID volunteerId = resolution.volunteerMemberId() != null ? resolution.volunteerMemberId()
                : complaint.subjectType() == Complaint.SubjectType.VOLUNTEER ? parse(complaint.subjectRef()) : null;
        if (volunteerId == null) {
            throw ApiProblem.invalidField("volunteer-required", "volunteerMemberId", "Name the volunteer sanctioned");
        }
        if (resolution.penaltyPoints() == null || resolution.penaltyPoints() <= 0) {
            throw ApiProblem.invalidField("penalty-required", "penaltyPoints",
                    "A volunteer below standard has points deducted (in hundredths of a point)");
        }
        Volunteer volunteer = Volunteer.findById(volunteerId);
        Member member = Member.findById(volunteerId);
        if (volunteer == null || member == null) {
            throw ApiProblem.invalidField("volunteer-not-found", "volunteerMemberId", "No such volunteer here");
        }
        LocalDate until = clock.today().plusDays(SUSPENSION_DAYS);
        volunteers.suspend(volunteer, until, "投诉 " + complaint.id() + ":服务不达标");
        String key = "complaint-penalty:" + complaint.id();
        ledger.post(TransferRequest.penalty(branch.value(), member.personId, resolution.penaltyPoints(),
                new TransferRequest.Reference("COMPLAINT", complaint.id().toString()), key, actor,
                "投诉处理:服务不达标"));
        return new Sanction(volunteerId, resolution.penaltyPoints(), until, true);
    }

    private Sanction sanctionComplainant(Complaint complaint, Complaint.Outcome outcome) {
        Member member = complaint.complainantMemberId() == null ? null
                : Member.findById(complaint.complainantMemberId());
        if (member == null) {
            throw ApiProblem.conflict("complainant-unknown",
                    "A malicious complaint is sanctioned only when the complainant is a known member");
        }
        if (outcome == Complaint.Outcome.MALICIOUS_SERIOUS) {
            if (!member.revoked()) {
                member.revokedAt = clock.now();
                member.revokeReason = "恶意投诉(严重):" + complaint.id();
            }
            return new Sanction(member.id, null, null, false);
        }
        LocalDate until = clock.today().plusMonths(FREEZE_MONTHS);
        if (member.frozenUntil == null || member.frozenUntil.isBefore(until)) {
            member.frozenUntil = until;
            member.freezeReason = "恶意投诉:" + complaint.id();
        }
        return new Sanction(member.id, null, until, false);
    }

    private static UUID parse(String ref) {
        try {
            return UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Complaint require(BranchCode branch, UUID id) {
        return sql.query(SELECT.formatted(branch.schemaName()) + " WHERE id = ?", row -> toComplaint(row, clock.now()),
                id).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("complaint-not-found", "No complaint " + id));
    }

    /** The complaint ledger, newest first; {@code openOnly} keeps the unresolved ones. */
    public List<Complaint> ledger(BranchCode branch, boolean openOnly, int limit) {
        return sql.query(SELECT.formatted(branch.schemaName()) + (openOnly ? " WHERE resolved_at IS NULL" : "")
                + " ORDER BY received_at DESC, id LIMIT ?", row -> toComplaint(row, clock.now()), limit);
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        List<Overdue> items = new ArrayList<>();
        for (Complaint c : sql.query(SELECT.formatted(branch.schemaName()) + " WHERE resolved_at IS NULL "
                + "AND resolve_due_at <= ? OR contacted_at IS NULL AND contact_due_at <= ?",
                row -> toComplaint(row, now), now, now)) {
            if (c.contactedAt() == null && c.contactOverdue()) {
                items.add(new Overdue(branch.value(), "COMPLAINT_CONTACT", c.id().toString(), c.contactDueAt(),
                        Role.STEWARD));
            }
            if (c.resolvedAt() == null && c.resolutionOverdue()) {
                items.add(new Overdue(branch.value(), "COMPLAINT_RESOLUTION", c.id().toString(), c.resolveDueAt(),
                        Role.STEWARD));
            }
        }
        return items;
    }

    private static final String SELECT = """
            SELECT id, channel, subject_type, subject_ref, complainant_member, description, received_at, received_by,
                   contact_due_at, resolve_due_at, contacted_at, contacted_by, contact_note, resolved_at, resolved_by,
                   resolution, outcome, sanctioned_member, penalty_points, sanctioned_until, retraining_required
            FROM %s.complaint""";

    private static Complaint toComplaint(ResultSet row, OffsetDateTime now) throws SQLException {
        OffsetDateTime contactDue = row.getObject(9, OffsetDateTime.class);
        OffsetDateTime resolveDue = row.getObject(10, OffsetDateTime.class);
        OffsetDateTime contacted = row.getObject(11, OffsetDateTime.class);
        OffsetDateTime resolved = row.getObject(14, OffsetDateTime.class);
        String outcome = row.getString(17);
        return new Complaint(row.getObject(1, UUID.class), Complaint.Channel.valueOf(row.getString(2)),
                Complaint.SubjectType.valueOf(row.getString(3)), row.getString(4), row.getObject(5, UUID.class),
                row.getString(6), row.getObject(7, OffsetDateTime.class), row.getString(8), contactDue, resolveDue,
                contacted, row.getString(12), row.getString(13), resolved, row.getString(15), row.getString(16),
                outcome == null ? null : Complaint.Outcome.valueOf(outcome), row.getObject(18, UUID.class),
                (Long) row.getObject(19), row.getObject(20, LocalDate.class), row.getBoolean(21),
                late(contacted, contactDue, now), late(resolved, resolveDue, now));
    }

    /** Past due and not done, or done after it was due. */
    private static boolean late(OffsetDateTime done, OffsetDateTime due, OffsetDateTime now) {
        return done == null ? now.isAfter(due) : done.isAfter(due);
    }
}
