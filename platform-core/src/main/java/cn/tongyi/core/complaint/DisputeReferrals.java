package cn.tongyi.core.complaint;

import cn.tongyi.core.calendar.BusinessCalendar;
import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.governance.GovernanceBodies;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * R-COMPLAINT-4: an open dispute about a redemption that the steward cannot settle is referred to the branch's
 * supervision group; a member of the group sitting that day rules, and the ruling is published to every member's inbox,
 * due within 3 working days of the referral.
 */
@ApplicationScoped
public class DisputeReferrals implements DeadlineWatch {

    static final int RULING_WORKING_DAYS = 3;

    public record Referral(UUID id,
            @Opaque(OpaqueIds.Kind.DISPUTE) @Schema(type = SchemaType.STRING) long disputeId,
            String reason, String referredBy, OffsetDateTime referredAt, LocalDate rulingDueOn, String ruling,
            Boolean upheld, String ruledBy, OffsetDateTime publishedAt, boolean late) {
    }

    private final PlainSql sql;
    private final BusinessCalendar calendar;
    private final GovernanceBodies governance;
    private final Inbox inbox;
    private final BusinessClock clock;

    DisputeReferrals(PlainSql sql, BusinessCalendar calendar, GovernanceBodies governance, Inbox inbox,
            BusinessClock clock) {
        this.sql = sql;
        this.calendar = calendar;
        this.governance = governance;
        this.inbox = inbox;
        this.clock = clock;
    }

    public Referral refer(BranchCode branch, long disputeId, String reason, String actor) {
        if (sql.query("""
                SELECT 1 FROM platform.ledger_dispute d JOIN platform.ledger_transfer t ON t.id = d.transfer_id
                WHERE d.id = ? AND d.branch_code = ? AND d.status = 'OPEN' AND t.kind = 'REDEMPTION'""",
                row -> 1, disputeId, branch.value()).isEmpty()) {
            throw ApiProblem.invalidField("redemption-dispute-not-found", "disputeId",
                    "No open dispute about a redemption in this branch");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.now();
        if (sql.update("INSERT INTO " + branch.schemaName() + ".dispute_referral (id, dispute_id, reason, referred_by, "
                + "referred_at, ruling_due_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dispute_id) DO NOTHING", id,
                disputeId, reason, actor, now, calendar.workingDaysAfter(now.toInstant(), RULING_WORKING_DAYS)) == 0) {
            throw ApiProblem.conflict("dispute-referred", "The dispute was referred already");
        }
        return require(branch, id);
    }

    /** A sitting member of the supervision group rules; the ruling goes to every member's inbox at once. */
    public Referral rule(BranchCode branch, UUID id, String ruling, boolean upheld, long personId, String actor) {
        Referral referral = require(branch, id);
        if (!governance.sitsOnSupervisionGroup(branch, personId, clock.today())) {
            throw ApiProblem.forbidden("not-supervisor", "Only a member of the supervision group rules");
        }
        if (referral.publishedAt() != null) {
            throw ApiProblem.conflict("ruling-published", "The ruling was published already");
        }
        OffsetDateTime now = clock.now();
        String schema = branch.schemaName();
        sql.update("UPDATE " + schema + ".dispute_referral SET ruling = ?, upheld = ?, ruled_by = ?, published_at = ? "
                + "WHERE id = ?", ruling, upheld, actor, now, id);
        String body = "监督小组就积分兑换争议 #%d 的裁定(%s):%s".formatted(referral.disputeId(),
                upheld ? "支持申诉" : "驳回申诉", ruling);
        inbox.deliverAll(branch, sql.query("SELECT person_id FROM " + schema + ".member WHERE revoked_at IS NULL",
                row -> new Inbox.Message(row.getLong(1), "SUPERVISION_RULING", "监督小组裁定公示", body,
                        "ruling:" + id + ":" + row.getLong(1))), now);
        return require(branch, id);
    }

    public List<Referral> list(BranchCode branch, boolean publishedOnly) {
        return sql.query(SELECT.formatted(branch.schemaName()) + (publishedOnly ? " WHERE published_at IS NOT NULL" : "")
                + " ORDER BY referred_at DESC, id", this::toReferral);
    }

    /** An open dispute of a redemption in this branch, not referred yet: what a steward may refer. */
    public record Referable(long disputeId, OffsetDateTime filedAt, long centiPoints) {
    }

    public List<Referable> referable(BranchCode branch) {
        return sql.query("""
                SELECT d.id, d.created_at, t.amount FROM platform.ledger_dispute d
                JOIN platform.ledger_transfer t ON t.id = d.transfer_id
                WHERE d.branch_code = ? AND d.status = 'OPEN' AND t.kind = 'REDEMPTION'
                  AND NOT EXISTS (SELECT 1 FROM %s.dispute_referral r WHERE r.dispute_id = d.id)
                ORDER BY d.id LIMIT 200""".formatted(branch.schemaName()),
                row -> new Referable(row.getLong(1), row.getObject(2, OffsetDateTime.class), row.getLong(3)),
                branch.value());
    }

    public Referral require(BranchCode branch, UUID id) {
        return sql.query(SELECT.formatted(branch.schemaName()) + " WHERE id = ?", this::toReferral, id).stream()
                .findFirst().orElseThrow(() -> ApiProblem.notFound("referral-not-found", "No referral " + id));
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
        return sql.query("SELECT id, ruling_due_on FROM " + branch.schemaName() + ".dispute_referral "
                + "WHERE published_at IS NULL AND ruling_due_on < ? ORDER BY ruling_due_on",
                row -> new Overdue(branch.value(), "SUPERVISION_RULING", row.getString(1), endOf(
                        row.getObject(2, LocalDate.class)), Role.BRANCH_HEAD), today);
    }

    private static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
    }

    private static final String SELECT = """
            SELECT id, dispute_id, reason, referred_by, referred_at, ruling_due_on, ruling, upheld, ruled_by, published_at
            FROM %s.dispute_referral""";

    private Referral toReferral(ResultSet row) throws SQLException {
        LocalDate due = row.getObject(6, LocalDate.class);
        OffsetDateTime published = row.getObject(10, OffsetDateTime.class);
        OffsetDateTime deadline = endOf(due);
        return new Referral(row.getObject(1, UUID.class), row.getLong(2), row.getString(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class), due, row.getString(7), (Boolean) row.getObject(8),
                row.getString(9), published, published == null ? clock.now().isAfter(deadline)
                        : published.isAfter(deadline));
    }
}
