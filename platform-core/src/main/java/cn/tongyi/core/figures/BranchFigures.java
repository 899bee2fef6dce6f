package cn.tongyi.core.figures;

import cn.tongyi.core.jdbc.PlainSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Service hours and members per branch per month, as the branch-figures job last computed them: one query. */
@ApplicationScoped
public class BranchFigures {

    /** The longest span one view covers. */
    public static final int MAX_MONTHS = 36;

    /** A branch's figures for a month. */
    public record Figure(String branch, String branchName, YearMonth month, BigDecimal serviceHours, int services,
            int members, OffsetDateTime computedAt) {
    }

    private final PlainSql sql;

    BranchFigures(PlainSql sql) {
        this.sql = sql;
    }

    /** Every branch's figures for the months from … to, both included, by branch code then month. */
    public List<Figure> between(YearMonth from, YearMonth to) {
        return sql.query("""
                SELECT f.branch_code, b.name, f.month, f.service_minutes, f.services, f.members, f.computed_at
                FROM platform.branch_month_figure f JOIN platform.branch b ON b.code = f.branch_code
                WHERE f.month BETWEEN ? AND ? ORDER BY f.branch_code, f.month""",
                row -> new Figure(row.getString(1), row.getString(2),
                        YearMonth.from(row.getObject(3, LocalDate.class)),
                        BigDecimal.valueOf(row.getLong(4)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                        row.getInt(5), row.getInt(6), row.getObject(7, OffsetDateTime.class)),
                from.atDay(1), to.atDay(1));
    }
}
