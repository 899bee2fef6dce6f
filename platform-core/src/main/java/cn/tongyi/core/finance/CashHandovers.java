package cn.tongyi.core.finance;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * R-FIN-1: cash taken by anyone but a finance officer (a steward at the desk, the head) reaches the finance officer on
 * the day it was taken. What is not handed over is outstanding, listed under its holder's name; after the day it was
 * taken it is overdue. A handover is recorded by the finance officer who received the cash, line by line, once.
 */
@ApplicationScoped
public class CashHandovers {

    public record CashLine(UUID incomeId, LocalDate takenOn, String source, long amountFen, String reference,
            boolean overdue) {
    }

    /** A holder's cash not yet handed over. */
    public record Holding(String holder, String holderName, long amountFen, long overdueFen, List<CashLine> lines) {
    }

    public record Handover(UUID id, String handedBy, String receivedBy, long amountFen, OffsetDateTime handedAt,
            List<UUID> incomeIds) {
    }

    private final PlainSql sql;
    private final BusinessClock clock;

    CashHandovers(PlainSql sql, BusinessClock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public List<Holding> outstanding(BranchCode branch) {
        LocalDate today = clock.today();
        Map<String, List<CashLine>> byHolder = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        sql.query("""
                SELECT i.public_id, i.booked_on, i.source, i.amount_fen, i.reference, i.received_by, p.display_name
                FROM %1$s.branch_income i
                LEFT JOIN %1$s.cash_handover_line l ON l.income_id = i.id
                LEFT JOIN platform.person p ON p.username = i.received_by
                WHERE i.channel = 'CASH' AND l.income_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM platform.role_grant g
                                  WHERE g.person_id = p.id AND g.branch_code = ? AND g.role = 'FINANCE')
                ORDER BY i.received_by, i.booked_on, i.id""".formatted(branch.schemaName()), row -> {
                    LocalDate takenOn = row.getObject(2, LocalDate.class);
                    byHolder.computeIfAbsent(row.getString(6), h -> new ArrayList<>()).add(new CashLine(
                            row.getObject(1, UUID.class), takenOn, row.getString(3), row.getLong(4), row.getString(5),
                            takenOn.isBefore(today)));
                    names.put(row.getString(6), row.getString(7));
                    return null;
                }, branch.value());
        List<Holding> holdings = new ArrayList<>();
        byHolder.forEach((holder, lines) -> holdings.add(new Holding(holder, names.get(holder),
                lines.stream().mapToLong(CashLine::amountFen).sum(),
                lines.stream().filter(CashLine::overdue).mapToLong(CashLine::amountFen).sum(), lines)));
        return holdings;
    }

    /**
     * The finance officer records that the holder handed over these cash lines. Each must be outstanding cash of that
     * holder (422 {@code not-outstanding-cash}); a line handed over by a concurrent request is a 409.
     */
    public Handover receive(BranchCode branch, String holder, List<UUID> incomeIds, long receiverPersonId,
            String receiver) {
        if (holder.equals(receiver)) {
            throw ApiProblem.unprocessable("own-cash", "Cash you took yourself needs no handover");
        }
        Set<UUID> wanted = Set.copyOf(incomeIds);
        List<CashLine> lines = outstanding(branch).stream().filter(h -> h.holder().equals(holder))
                .flatMap(h -> h.lines().stream()).filter(l -> wanted.contains(l.incomeId())).toList();
        if (lines.size() != wanted.size()) {
            throw ApiProblem.unprocessable("not-outstanding-cash", "Every line must be cash " + holder
                    + " took and has not handed over yet");
        }
        String schema = branch.schemaName();
        UUID id = UUID.randomUUID();
        long amount = lines.stream().mapToLong(CashLine::amountFen).sum();
        OffsetDateTime now = clock.now();
        sql.update("INSERT INTO " + schema + """
                .cash_handover (id, handed_by, received_by_person, received_by, amount_fen, handed_at)
                VALUES (?, ?, ?, ?, ?, ?)""", id, holder, receiverPersonId, receiver, amount, now);
        sql.update("INSERT INTO " + schema + ".cash_handover_line (income_id, handover_id) SELECT id, ? FROM " + schema
                + ".branch_income WHERE public_id = ANY (?)", id, wanted.toArray(UUID[]::new));
        return new Handover(id, holder, receiver, amount, now, lines.stream().map(CashLine::incomeId).toList());
    }
}
