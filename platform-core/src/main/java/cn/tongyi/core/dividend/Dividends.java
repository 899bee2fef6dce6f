package cn.tongyi.core.dividend;

import cn.tongyi.core.finance.UploadedFile;
import cn.tongyi.core.finance.YearResults;
import cn.tongyi.core.finance.Yuan;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.notification.Inbox;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * R-DIV-1..4, R-DIV-6: a year's dividend run from the locked year's net profit and a snapshot of its members' inputs,
 * frozen beside the amounts (dividend_share), with the snapshot's SHA-256; a run can be recomputed from what it stored
 * and must give the same amounts. Runs may be repeated until one is published; publishing notifies every member in
 * their inbox with the computation behind their amount, and no run of that year is taken afterwards.
 */
@ApplicationScoped
public class Dividends {

    /** R-DIV-4: computed by 15 March of the following year. */
    static final int DUE_MONTH = 3;
    static final int DUE_DAY = 15;

    public record Run(UUID id, int year, long netProfitFen, Map<DividendAllocation.Group, Long> groups,
            int memberCount, long totalContribution, String snapshotSha256, String computedBy,
            OffsetDateTime computedAt, LocalDate dueBy, boolean late, String publishedBy, OffsetDateTime publishedAt) {
    }

    /** A member's line of the run: inputs and amount. */
    public record ShareLine(UUID memberId, long personId, int membershipYears, long serviceCentiHours, int referrals,
            long contribution, long amountFen, int remainderFen) {
    }

    private final PlainSql sql;
    private final YearResults years;
    private final DividendSnapshots snapshots;
    private final Inbox inbox;
    private final BusinessClock clock;

    Dividends(PlainSql sql, YearResults years, DividendSnapshots snapshots, Inbox inbox, BusinessClock clock) {
        this.sql = sql;
        this.years = years;
        this.snapshots = snapshots;
        this.inbox = inbox;
        this.clock = clock;
    }

    public static LocalDate dueBy(int year) {
        return LocalDate.of(year + 1, DUE_MONTH, DUE_DAY);
    }

    /** Takes a snapshot and computes the year's dividends; 409 before the year is locked or after one was published. */
    public Run run(BranchCode branch, int year, String actor) {
        long netProfit = years.lockedNetProfit(branch, year).orElseThrow(() -> ApiProblem.conflict("year-not-locked",
                "Dividends are computed from the locked, audited result of " + year));
        if (published(branch, year).isPresent()) {
            throw ApiProblem.conflict("dividend-published", "The dividends of " + year + " are published already");
        }
        List<DividendSnapshots.Input> inputs = snapshots.take(branch, year);
        Map<DividendAllocation.Group, Long> groups = DividendAllocation.groups(netProfit);
        List<DividendAllocation.Share> shares = DividendAllocation.members(
                groups.get(DividendAllocation.Group.CO_CREATION_MEMBERS), inputs.stream()
                        .map(i -> new DividendAllocation.Contributor(i.memberId(), i.contribution())).toList());
        UUID id = UUID.randomUUID();
        String schema = branch.schemaName();
        sql.update("INSERT INTO " + schema + """
                .dividend_run (id, year, net_profit_fen, members_fen, founders_fen, fund_fen, board_fen, member_count,
                    total_contribution, snapshot_sha256, computed_by, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, year, netProfit,
                groups.get(DividendAllocation.Group.CO_CREATION_MEMBERS),
                groups.get(DividendAllocation.Group.FOUNDING_SHAREHOLDERS),
                groups.get(DividendAllocation.Group.MUTUAL_AID_FUND), groups.get(DividendAllocation.Group.BOARD),
                inputs.size(), shares.stream().mapToLong(DividendAllocation.Share::contribution).sum(),
                digest(year, netProfit, inputs), actor, clock.now());
        // inputs and shares are both in member-id order (the snapshot sorts as the allocation does)
        sql.update("INSERT INTO " + schema + """
                .dividend_share (run_id, member_id, person_id, membership_years, service_centihours, referrals,
                    contribution, amount_fen, remainder_fen)
                SELECT ?, s.* FROM unnest(?::uuid[], ?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::bigint[],
                    ?::bigint[], ?::int[]) AS s""", id,
                inputs.stream().map(DividendSnapshots.Input::memberId).toArray(UUID[]::new),
                inputs.stream().mapToLong(DividendSnapshots.Input::personId).toArray(),
                inputs.stream().mapToLong(DividendSnapshots.Input::membershipYears).toArray(),
                inputs.stream().mapToLong(DividendSnapshots.Input::serviceCentiHours).toArray(),
                inputs.stream().mapToLong(DividendSnapshots.Input::referrals).toArray(),
                shares.stream().mapToLong(DividendAllocation.Share::contribution).toArray(),
                shares.stream().mapToLong(DividendAllocation.Share::amountFen).toArray(),
                shares.stream().mapToLong(DividendAllocation.Share::remainderFen).toArray());
        return run(branch, year, id);
    }

    public Run run(BranchCode branch, int year, UUID runId) {
        return sql.query("SELECT * FROM " + branch.schemaName() + ".dividend_run WHERE id = ? AND year = ?",
                Dividends::run, runId, year).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("dividend-run-not-found", "No dividend run " + runId));
    }

    public List<Run> runs(BranchCode branch, int year) {
        return sql.query("SELECT * FROM " + branch.schemaName()
                + ".dividend_run WHERE year = ? ORDER BY computed_at, id", Dividends::run, year);
    }

    public Optional<Run> published(BranchCode branch, int year) {
        return sql.query("SELECT * FROM " + branch.schemaName()
                + ".dividend_run WHERE year = ? AND published_at IS NOT NULL", Dividends::run, year).stream()
                .findFirst();
    }

    public List<ShareLine> shares(BranchCode branch, UUID runId) {
        return sql.query("SELECT member_id, person_id, membership_years, service_centihours, referrals, contribution,"
                + " amount_fen, remainder_fen FROM " + branch.schemaName()
                + ".dividend_share WHERE run_id = ? ORDER BY member_id", Dividends::share, runId);
    }

    public List<ShareLine> top(BranchCode branch, UUID runId, int count) {
        return sql.query("SELECT member_id, person_id, membership_years, service_centihours, referrals, contribution,"
                + " amount_fen, remainder_fen FROM " + branch.schemaName()
                + ".dividend_share WHERE run_id = ? AND amount_fen > 0 ORDER BY amount_fen DESC, member_id LIMIT ?",
                Dividends::share, runId, count);
    }

    public Optional<ShareLine> shareOf(BranchCode branch, UUID runId, long personId) {
        return sql.query("SELECT member_id, person_id, membership_years, service_centihours, referrals, contribution,"
                + " amount_fen, remainder_fen FROM " + branch.schemaName()
                + ".dividend_share WHERE run_id = ? AND person_id = ?", Dividends::share, runId, personId)
                .stream().findFirst();
    }

    /** Recomputes a run from its stored snapshot: the same digest and the same amounts, or a list of what differs. */
    public Verification verify(BranchCode branch, int year, UUID runId) {
        Run run = run(branch, year, runId);
        List<ShareLine> stored = shares(branch, runId);
        List<DividendSnapshots.Input> inputs = stored.stream().map(s -> new DividendSnapshots.Input(s.memberId(),
                s.personId(), s.membershipYears(), s.serviceCentiHours(), s.referrals())).toList();
        Map<DividendAllocation.Group, Long> groups = DividendAllocation.groups(run.netProfitFen());
        List<DividendAllocation.Share> again = DividendAllocation.members(
                groups.get(DividendAllocation.Group.CO_CREATION_MEMBERS), inputs.stream()
                        .map(i -> new DividendAllocation.Contributor(i.memberId(), i.contribution())).toList());
        long differing = 0;
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).amountFen() != again.get(i).amountFen()
                    || stored.get(i).contribution() != again.get(i).contribution()) {
                differing++;
            }
        }
        String digest = digest(year, run.netProfitFen(), inputs);
        return new Verification(runId, run.snapshotSha256(), digest, groups.equals(run.groups()), differing,
                digest.equals(run.snapshotSha256()) && groups.equals(run.groups()) && differing == 0);
    }

    public record Verification(UUID runId, String storedSha256, String recomputedSha256, boolean groupsMatch,
            long membersDiffering, boolean matches) {
    }

    /** Publishes a run: the year's table becomes public and every member with a share is told its computation. */
    public Run publish(BranchCode branch, int year, UUID runId, String actor) {
        Run run = run(branch, year, runId);
        if (published(branch, year).isPresent()) {
            throw ApiProblem.conflict("dividend-published", "The dividends of " + year + " are published already");
        }
        sql.update("UPDATE " + branch.schemaName()
                + ".dividend_run SET published_by = ?, published_at = ? WHERE id = ?", actor, clock.now(), runId);
        List<Inbox.Message> notices = shares(branch, runId).stream().map(share -> new Inbox.Message(share.personId(),
                "DIVIDEND", year + " 年度分红通知", computation(run, share),
                "dividend:" + year + ":" + share.memberId())).toList();
        inbox.deliverAll(branch, notices, clock.now());
        return run(branch, year, runId);
    }

    /** R-DIV-4: the working behind a member's amount, in words. */
    static String computation(Run run, ShareLine share) {
        long pool = run.groups().get(DividendAllocation.Group.CO_CREATION_MEMBERS);
        return "您的 %d 年度分红:%s 元。计算:净利润 %s 元 × 60%% = 共创会员分红池 %s 元;您的贡献值 = 会员年数 %d × 1 + "
                .formatted(run.year(), Yuan.of(share.amountFen()), Yuan.of(run.netProfitFen()), Yuan.of(pool),
                        share.membershipYears())
                + "服务小时 %s × 2 + 推荐人数 %d × 5 = %s;全体贡献值 %s;%s 元 × %s ÷ %s,按分取整后为 %s 元"
                        .formatted(hundredths(share.serviceCentiHours()), share.referrals(),
                                hundredths(share.contribution()), hundredths(run.totalContribution()), Yuan.of(pool),
                                hundredths(share.contribution()), hundredths(run.totalContribution()),
                                Yuan.of(share.amountFen() - share.remainderFen()))
                + (share.remainderFen() > 0 ? ",按最大余数法再分得 0.01 元。" : "。")
                + "请在 APP 中选择提现到银行卡(手续费由平台承担)或兑换为积分。";
    }

    /** SHA-256 over the run's inputs, one canonical line each, in member-id order. */
    static String digest(int year, long netProfitFen, List<DividendSnapshots.Input> inputs) {
        StringBuilder text = new StringBuilder("year=" + year + ";netProfitFen=" + netProfitFen + "\n");
        inputs.stream().sorted(Comparator.comparing(i -> i.memberId().toString()))
                .forEach(i -> text.append(i.memberId()).append(',').append(i.membershipYears()).append(',')
                        .append(i.serviceCentiHours()).append(',').append(i.referrals()).append('\n'));
        return UploadedFile.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String hundredths(long value) {
        return BigDecimal.valueOf(value, 2).stripTrailingZeros().toPlainString();
    }

    private static Run run(ResultSet row) throws SQLException {
        int year = row.getInt("year");
        OffsetDateTime computedAt = row.getObject("computed_at", OffsetDateTime.class);
        return new Run(row.getObject("id", UUID.class), year, row.getLong("net_profit_fen"), new EnumMap<>(Map.of(
                DividendAllocation.Group.CO_CREATION_MEMBERS, row.getLong("members_fen"),
                DividendAllocation.Group.FOUNDING_SHAREHOLDERS, row.getLong("founders_fen"),
                DividendAllocation.Group.MUTUAL_AID_FUND, row.getLong("fund_fen"),
                DividendAllocation.Group.BOARD, row.getLong("board_fen"))), row.getInt("member_count"),
                row.getLong("total_contribution"), row.getString("snapshot_sha256"), row.getString("computed_by"),
                computedAt, dueBy(year), computedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate()
                        .isAfter(dueBy(year)), row.getString("published_by"),
                row.getObject("published_at", OffsetDateTime.class));
    }

    private static ShareLine share(ResultSet row) throws SQLException {
        return new ShareLine(row.getObject(1, UUID.class), row.getLong(2), row.getInt(3), row.getLong(4),
                row.getInt(5), row.getLong(6), row.getLong(7), row.getInt(8));
    }
}
