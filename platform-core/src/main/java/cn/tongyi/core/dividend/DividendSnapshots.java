package cn.tongyi.core.dividend;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a dividend run takes from the year's membership data and the shared ledger, per co-creation member of the
 * branch: a member is in if a co-creation year of theirs covered a day of the year and their membership is not revoked.
 * Membership years: paid years begun by the year's end. Service hours: service credits to them in the year (SERVICE,
 * and SERVICE_PAYMENT from a resident), net of the year's corrections of such credits (to or from the credited volunteer), in hundredths of an hour (one
 * point per hour, R-SERVICE-6). Referrals: REFERRAL credits in the year. The ledger's times are read in Asia/Shanghai.
 */
@ApplicationScoped
public class DividendSnapshots {

    /** A member's inputs, frozen in the run. */
    public record Input(UUID memberId, long personId, int membershipYears, long serviceCentiHours, int referrals) {

        public long contribution() {
            return DividendAllocation.contribution(membershipYears, serviceCentiHours, referrals);
        }
    }

    private final PlainSql sql;

    DividendSnapshots(PlainSql sql) {
        this.sql = sql;
    }

    public List<Input> take(BranchCode branch, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        OffsetDateTime from = first.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        OffsetDateTime to = first.plusYears(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        return sql.query("""
                WITH eligible AS (
                    SELECT m.id AS member_id, m.person_id,
                           (SELECT count(*) FROM %1$s.membership y WHERE y.member_id = m.id AND y.starts_on <= ?)
                               AS years
                    FROM %1$s.member m
                    WHERE m.revoked_at IS NULL AND EXISTS (
                        SELECT 1 FROM %1$s.membership c WHERE c.member_id = m.id AND c.type = 'CO_CREATION'
                          AND c.starts_on <= ? AND c.ends_on > ?)),
                accounts AS (
                    SELECT e.*, a.id AS account_id FROM eligible e
                    LEFT JOIN platform.ledger_account a ON a.type = 'MEMBER' AND a.person_id = e.person_id),
                moves AS (
                    SELECT t.credit_account_id AS account_id,
                           CASE WHEN t.kind = 'REFERRAL' THEN 0 ELSE t.amount END AS service,
                           CASE WHEN t.kind = 'REFERRAL' THEN 1 ELSE 0 END AS referral
                    FROM platform.ledger_transfer t
                    WHERE t.created_at >= ? AND t.created_at < ? AND t.kind IN ('SERVICE', 'SERVICE_PAYMENT', 'REFERRAL')
                    UNION ALL
                    SELECT o.credit_account_id,
                           CASE WHEN c.credit_account_id = o.credit_account_id THEN c.amount ELSE -c.amount END, 0
                    FROM platform.ledger_transfer c
                    JOIN platform.ledger_transfer o ON o.id = c.corrects_id AND o.kind IN ('SERVICE', 'SERVICE_PAYMENT')
                        AND o.credit_account_id IN (c.credit_account_id, c.debit_account_id)
                    WHERE c.kind = 'CORRECTION' AND c.created_at >= ? AND c.created_at < ?),
                totals AS (
                    SELECT mv.account_id, sum(mv.service) AS service, sum(mv.referral) AS referrals
                    FROM moves mv WHERE mv.account_id IN (SELECT account_id FROM accounts)
                    GROUP BY mv.account_id)
                SELECT a.member_id, a.person_id, a.years, greatest(coalesce(t.service, 0), 0),
                       coalesce(t.referrals, 0)
                FROM accounts a LEFT JOIN totals t ON t.account_id = a.account_id
                ORDER BY a.member_id""".formatted(branch.schemaName()),
                row -> new Input(row.getObject(1, UUID.class), row.getLong(2), row.getInt(3), row.getLong(4),
                        row.getInt(5)), last, last, first, from, to, from, to);
    }
}
