package cn.tongyi.core.incident;

import cn.tongyi.core.deadline.DeadlineWatch;
import cn.tongyi.core.deadline.Overdue;
import cn.tongyi.core.event.DomainEvents;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.privacy.OpaqueIds;
import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R-INCIDENT-1..3: reports an incident during a service order at once and raises {@code IncidentReported} (ids and
 * branch only) in the same transaction, for the insurance plugin to open a claim; records the steward's arrival and the
 * call to 120, the emergency fund's advances and reimbursements, and the report due within 24 hours.
 */
@ApplicationScoped
public class Incidents implements DeadlineWatch {

    public record NewIncident(long serviceRequestId, UUID injuredMemberId, String place, String whatHappened,
            String injuries, OffsetDateTime occurredAt) {
    }

    private final PlainSql sql;
    private final DomainEvents events;
    private final BusinessClock clock;
    private final OpaqueIds opaqueIds;

    Incidents(PlainSql sql, DomainEvents events, BusinessClock clock, OpaqueIds opaqueIds) {
        this.opaqueIds = opaqueIds;
        this.sql = sql;
        this.events = events;
        this.clock = clock;
    }

    /** The service order a report names by its opaque id. */
    long orderOf(String serviceRequestId) {
        return opaqueIds.open(OpaqueIds.Kind.SERVICE_REQUEST, serviceRequestId).orElseThrow(this::noSuchOrder);
    }

    private ApiProblem noSuchOrder() {
        return ApiProblem.invalidField("service-request-not-found", "serviceRequestId", "No such service order");
    }

    /** A service order an incident may be reported on: not refused or called off, starting within 30 days of now. */
    record RecentOrder(long id, String serviceZh, String serviceEn, String requester, OffsetDateTime startsAt) {
    }

    List<RecentOrder> recentOrders(BranchCode branch) {
        return sql.query("SELECT r.id, coalesce(t.name_zh, r.service_type), coalesce(t.name_en, r.service_type), "
                + "r.requester_name, r.starts_at FROM " + branch.schemaName() + ".service_request r LEFT JOIN "
                + branch.schemaName() + ".skill_tag t ON t.code = r.service_type "
                + "WHERE r.status NOT IN ('REJECTED', 'CANCELLED') AND r.starts_at BETWEEN ? AND ? "
                + "ORDER BY r.starts_at DESC LIMIT 100",
                row -> new RecentOrder(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class)),
                clock.now().minusDays(30), clock.now().plusDays(30));
    }

    public Incident report(BranchCode branch, NewIncident incident, String actor) {
        String schema = branch.schemaName();
        if (sql.query("SELECT 1 FROM " + schema + ".service_request WHERE id = ?", row -> 1,
                incident.serviceRequestId()).isEmpty()) {
            throw noSuchOrder();
        }
        if (incident.injuredMemberId() != null && sql.query("SELECT 1 FROM " + schema + ".member WHERE id = ?",
                row -> 1, incident.injuredMemberId()).isEmpty()) {
            throw ApiProblem.invalidField("member-not-found", "injuredMemberId", "No such member in this branch");
        }
        OffsetDateTime now = clock.now();
        if (incident.occurredAt().isAfter(now)) {
            throw ApiProblem.invalidField("invalid-time", "occurredAt", "An incident is reported after it happened");
        }
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO " + schema + ".incident (id, service_request_id, injured_member, place, what_happened, "
                + "injuries, occurred_at, reported_at, reported_by, report_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, incident.serviceRequestId(), incident.injuredMemberId(), incident.place(),
                incident.whatHappened(), incident.injuries(), incident.occurredAt(), now, actor,
                now.plus(Incident.REPORT_WITHIN));
        events.raise(branch, DomainEvent.INCIDENT_REPORTED, Map.of("incidentId", id.toString(),
                "serviceRequestId", Long.toString(incident.serviceRequestId())));
        return require(branch, id);
    }

    /** The steward's arrival on site and the call to 120; each is recorded once. */
    public Incident respond(BranchCode branch, UUID id, OffsetDateTime arrivedAt, OffsetDateTime ambulanceCalledAt,
            String actor) {
        if (arrivedAt == null && ambulanceCalledAt == null) {
            throw ApiProblem.badRequest("response-time-required", "Give stewardArrivedAt or ambulanceCalledAt");
        }
        Incident incident = require(branch, id);
        if (arrivedAt != null && incident.stewardArrivedAt() != null
                || ambulanceCalledAt != null && incident.ambulanceCalledAt() != null) {
            throw ApiProblem.conflict("incident-response-recorded", "That time was already recorded");
        }
        for (OffsetDateTime time : new OffsetDateTime[] {arrivedAt, ambulanceCalledAt}) {
            if (time != null && (time.isBefore(incident.occurredAt()) || time.isAfter(clock.now()))) {
                throw ApiProblem.badRequest("invalid-time", "A response time lies between the incident and now");
            }
        }
        sql.update("UPDATE " + branch.schemaName() + ".incident SET "
                + "steward_arrived_at = coalesce(?, steward_arrived_at), "
                + "steward_arrived_by = CASE WHEN ?::timestamptz IS NULL THEN steward_arrived_by ELSE ? END, "
                + "ambulance_called_at = coalesce(?, ambulance_called_at) WHERE id = ?",
                arrivedAt, arrivedAt, actor, ambulanceCalledAt, id);
        return require(branch, id);
    }

    /** R-INCIDENT-2: an advance from the emergency fund, or the insurer's payout reimbursing it (never more). */
    public Incident fundMovement(BranchCode branch, UUID id, Incident.MovementKind kind, long amountFen,
            String reference, String actor) {
        Incident incident = require(branch, id);
        if (kind == Incident.MovementKind.REIMBURSEMENT && amountFen > incident.outstandingAdvanceFen()) {
            throw ApiProblem.conflict("reimbursement-exceeds-advance",
                    "A reimbursement is at most the advance still outstanding");
        }
        sql.update("INSERT INTO " + branch.schemaName() + ".mutual_aid_fund_movement (id, kind, incident_id, "
                + "amount_fen, reference, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                kind.name(), id, amountFen, reference, actor, clock.now());
        return require(branch, id);
    }

    /** R-INCIDENT-3: the report with its causes and process improvements; late when filed after 24 hours. */
    public Incident fileReport(BranchCode branch, UUID id, String causes, String improvements, String actor) {
        if (require(branch, id).reportFiledAt() != null) {
            throw ApiProblem.conflict("incident-report-filed", "The incident report was already filed");
        }
        sql.update("UPDATE " + branch.schemaName() + ".incident SET report_filed_at = ?, report_filed_by = ?, "
                + "causes = ?, improvements = ? WHERE id = ?", clock.now(), actor, causes, improvements, id);
        return require(branch, id);
    }

    public Incident require(BranchCode branch, UUID id) {
        return list(branch, " WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("incident-not-found", "No incident " + id));
    }

    public List<Incident> list(BranchCode branch, int limit) {
        return list(branch, " ORDER BY reported_at DESC, id LIMIT ?", limit);
    }

    @Override
    public List<Overdue> overdue(BranchCode branch, OffsetDateTime now) {
        return sql.query("SELECT id, report_due_at FROM " + branch.schemaName() + ".incident "
                + "WHERE report_filed_at IS NULL AND report_due_at < ? ORDER BY report_due_at",
                row -> new Overdue(branch.value(), "INCIDENT_REPORT", row.getString(1),
                        row.getObject(2, OffsetDateTime.class), Role.STEWARD), now);
    }

    private List<Incident> list(BranchCode branch, String where, Object parameter) {
        String schema = branch.schemaName();
        OffsetDateTime now = clock.now();
        return sql.query("""
                SELECT id, service_request_id, injured_member, place, what_happened, injuries, occurred_at,
                       reported_at, reported_by, steward_arrived_at, steward_arrived_by, ambulance_called_at,
                       report_due_at, report_filed_at, report_filed_by, causes, improvements
                FROM %s.incident""".formatted(schema) + where, row -> toIncident(branch, row, now), parameter);
    }

    private Incident toIncident(BranchCode branch, ResultSet row, OffsetDateTime now) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        OffsetDateTime due = row.getObject(13, OffsetDateTime.class);
        OffsetDateTime filed = row.getObject(14, OffsetDateTime.class);
        List<Incident.FundMovement> movements = sql.query("""
                SELECT id, kind, amount_fen, reference, recorded_by, recorded_at
                FROM %s.mutual_aid_fund_movement WHERE incident_id = ? ORDER BY recorded_at, id"""
                .formatted(branch.schemaName()), m -> new Incident.FundMovement(m.getObject(1, UUID.class),
                        Incident.MovementKind.valueOf(m.getString(2)), m.getLong(3), m.getString(4), m.getString(5),
                        m.getObject(6, OffsetDateTime.class)), id);
        long outstanding = movements.stream().mapToLong(m -> m.kind() == Incident.MovementKind.ADVANCE
                ? m.amountFen() : -m.amountFen()).sum();
        return new Incident(id, row.getLong(2), row.getObject(3, UUID.class), row.getString(4), row.getString(5),
                row.getString(6), row.getObject(7, OffsetDateTime.class), row.getObject(8, OffsetDateTime.class),
                row.getString(9), row.getObject(10, OffsetDateTime.class), row.getString(11),
                row.getObject(12, OffsetDateTime.class), due, filed, row.getString(15), row.getString(16),
                row.getString(17), filed == null ? now.isAfter(due) : filed.isAfter(due), movements, outstanding);
    }
}
