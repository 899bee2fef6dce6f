package cn.tongyi.core.governance;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sits on a branch's governance bodies on a given day: the member representative council (votes on expenses above
 * 5,000 CNY, R-FIN-2) and the quarter's finance supervision group (R-FIN-4; rules on redemption disputes,
 * R-COMPLAINT-4). The branch is named explicitly, so any domain may ask from any request or job. Persons are the
 * platform's internal person ids ({@code CurrentPerson.id()}).
 */
@ApplicationScoped
public class GovernanceBodies {

    /** A member on a body: their member id, person id and name. */
    public record Seat(UUID memberId, long personId, String name) {
    }

    private final PlainSql sql;

    GovernanceBodies(PlainSql sql) {
        this.sql = sql;
    }

    /** The council on that day, in order of seating. */
    public List<Seat> council(BranchCode branch, LocalDate day) {
        return sql.query("SELECT s.member_id, s.person_id, m.name FROM " + branch.schemaName() + ".council_seat s JOIN "
                + branch.schemaName() + """
                .member m ON m.id = s.member_id
                WHERE s.seated_on <= ? AND (s.ended_on IS NULL OR s.ended_on > ?)
                ORDER BY s.seated_on, s.appointed_at, s.member_id""", GovernanceBodies::seat, day, day);
    }

    /** The person's council seat on that day, if they hold one. */
    public Optional<Seat> councillor(BranchCode branch, long personId, LocalDate day) {
        return council(branch, day).stream().filter(s -> s.personId() == personId).findFirst();
    }

    /** The supervision group appointed for the quarter (at most 3 members). */
    public List<Seat> supervisionGroup(BranchCode branch, Quarter quarter) {
        return sql.query("SELECT s.member_id, s.person_id, m.name FROM " + branch.schemaName()
                + ".supervision_seat s JOIN " + branch.schemaName() + """
                .member m ON m.id = s.member_id
                WHERE s.quarter = ? AND s.removed_at IS NULL
                ORDER BY s.appointed_at, s.member_id""", GovernanceBodies::seat, quarter.toString());
    }

    /** The person's seat on the quarter's supervision group, if they hold one. */
    public Optional<Seat> supervisor(BranchCode branch, long personId, Quarter quarter) {
        return supervisionGroup(branch, quarter).stream().filter(s -> s.personId() == personId).findFirst();
    }

    /** Whether the person sits on the supervision group of the quarter that contains the day. */
    public boolean sitsOnSupervisionGroup(BranchCode branch, long personId, LocalDate day) {
        return supervisor(branch, personId, Quarter.of(day)).isPresent();
    }

    private static Seat seat(ResultSet row) throws SQLException {
        return new Seat(row.getObject(1, UUID.class), row.getLong(2), row.getString(3));
    }
}
