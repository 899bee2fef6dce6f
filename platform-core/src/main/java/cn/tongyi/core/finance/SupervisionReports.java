package cn.tongyi.core.finance;

import cn.tongyi.core.governance.GovernanceBodies;
import cn.tongyi.core.governance.Quarter;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R-FIN-4: the quarter's supervision group reads the quarter's books and files one report (findings and result), which
 * each of its members signs: a signature is the member and the time over the SHA-256 of the filed report, so what was
 * signed cannot change. Filing signs it for the filer.
 */
@ApplicationScoped
public class SupervisionReports {

    public enum Result {
        NO_ISSUES,
        ISSUES_FOUND
    }

    public record Signature(UUID memberId, String sha256, OffsetDateTime signedAt) {
    }

    public record Report(String quarter, String findings, Result result, String sha256, String filedBy,
            OffsetDateTime filedAt, List<Signature> signatures, int groupSize) {
    }

    private final PlainSql sql;
    private final GovernanceBodies governance;
    private final BusinessClock clock;

    SupervisionReports(PlainSql sql, GovernanceBodies governance, BusinessClock clock) {
        this.sql = sql;
        this.governance = governance;
        this.clock = clock;
    }

    /** The caller's seat on the quarter's group; 403 {@code not-supervisor} otherwise. */
    public GovernanceBodies.Seat requireSupervisor(BranchCode branch, long personId, Quarter quarter) {
        return governance.supervisor(branch, personId, quarter).orElseThrow(() -> ApiProblem.forbidden(
                "not-supervisor", "Only the supervision group of " + quarter + " reads and reports on its books"));
    }

    public Report file(BranchCode branch, Quarter quarter, String findings, Result result, long personId,
            String actor) {
        GovernanceBodies.Seat seat = requireSupervisor(branch, personId, quarter);
        if (!clock.today().isAfter(quarter.lastDay())) {
            throw ApiProblem.conflict("quarter-not-over", "The report covers a quarter that is over");
        }
        if (report(branch, quarter).isPresent()) {
            throw ApiProblem.conflict("report-filed", "The report of " + quarter + " is filed; its members sign it");
        }
        String digest = UploadedFile.sha256((quarter + "\n" + result + "\n" + findings)
                .getBytes(StandardCharsets.UTF_8));
        sql.update("INSERT INTO " + branch.schemaName() + """
                .supervision_report (quarter, findings, result, sha256, filed_by, filed_at) VALUES (?, ?, ?, ?, ?, ?)""",
                quarter.toString(), findings, result.name(), digest, actor, clock.now());
        sign(branch, quarter, seat);
        return report(branch, quarter).orElseThrow();
    }

    public Report sign(BranchCode branch, Quarter quarter, long personId) {
        GovernanceBodies.Seat seat = requireSupervisor(branch, personId, quarter);
        report(branch, quarter).orElseThrow(() -> ApiProblem.notFound("report-not-found",
                "No report of " + quarter + " is filed yet"));
        if (sql.update("INSERT INTO " + branch.schemaName() + """
                .supervision_signature (quarter, person_id, member_id, sha256, signed_at)
                SELECT quarter, ?, ?, sha256, ? FROM %s.supervision_report WHERE quarter = ?
                ON CONFLICT DO NOTHING""".formatted(branch.schemaName()), personId, seat.memberId(), clock.now(),
                quarter.toString()) == 0) {
            throw ApiProblem.conflict("already-signed", "You have signed this report already");
        }
        return report(branch, quarter).orElseThrow();
    }

    public Optional<Report> report(BranchCode branch, Quarter quarter) {
        String schema = branch.schemaName();
        List<Signature> signatures = sql.query("SELECT member_id, sha256, signed_at FROM " + schema
                + ".supervision_signature WHERE quarter = ? ORDER BY signed_at, member_id", row -> new Signature(
                        row.getObject(1, UUID.class), row.getString(2), row.getObject(3, OffsetDateTime.class)),
                quarter.toString());
        return sql.query("SELECT findings, result, sha256, filed_by, filed_at FROM " + schema
                + ".supervision_report WHERE quarter = ?", row -> new Report(quarter.toString(), row.getString(1),
                        Result.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class), signatures,
                        governance.supervisionGroup(branch, quarter).size()), quarter.toString())
                .stream().findFirst();
    }

    private void sign(BranchCode branch, Quarter quarter, GovernanceBodies.Seat seat) {
        sql.update("INSERT INTO " + branch.schemaName() + """
                .supervision_signature (quarter, person_id, member_id, sha256, signed_at)
                SELECT quarter, ?, ?, sha256, ? FROM %s.supervision_report WHERE quarter = ?"""
                .formatted(branch.schemaName()), seat.personId(), seat.memberId(), clock.now(), quarter.toString());
    }
}
