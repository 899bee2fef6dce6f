package cn.tongyi.core.service;

import cn.tongyi.core.building.Building;
import cn.tongyi.core.ledger.EntryView;
import cn.tongyi.core.ledger.MemberHistory;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.member.Member;
import cn.tongyi.core.volunteer.SkillTag;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member's printed points passbook (积分存折, R-LEDGER-4): every entry of their history, oldest first, with its
 * date, what it was for, the hours in or out (1 point is 1 hour, R-LEDGER-1) and the balance after it. Members
 * registered on paper have no phone: their steward prints this for them.
 */
@ApplicationScoped
public class Passbook {

    /** One printed line; hours are decimal strings, blank on the side that did not move. */
    public record Line(LocalDate date, String service, String hoursIn, String hoursOut, String balance) {
    }

    public record Printed(String branchName, String holder, String building, LocalDate printedOn, String balance,
            List<Line> lines) {
    }

    private static final Map<TransferKind, String> KINDS = Map.of(
            TransferKind.REFERRAL, "推荐奖励", TransferKind.BIRTHDAY, "生日积分",
            TransferKind.PROMOTION_BONUS, "首存日加倍", TransferKind.PENALTY, "违约扣分",
            TransferKind.REDEMPTION, "商家兑换", TransferKind.CORRECTION, "争议更正",
            TransferKind.DIVIDEND_CONVERSION, "分红转积分");

    private final MemberHistory history;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;

    Passbook(MemberHistory history, CurrentBranch currentBranch, BusinessClock clock) {
        this.history = history;
        this.currentBranch = currentBranch;
        this.clock = clock;
    }

    /** The passbook of the member; {@code holder} is their name as the caller may see it. */
    public Printed of(Member member, String branchName, String holder) {
        List<EntryView> entries = oldestFirst(member.personId);
        Map<Long, String> services = servicesOf(entries);
        List<Line> lines = entries.stream().map(e -> line(e, services)).toList();
        Building building = Building.findById(member.buildingId);
        String balance = entries.isEmpty() ? "0.00" : entries.get(entries.size() - 1).balanceAfter();
        return new Printed(branchName, holder, building.name + " " + member.unit + "单元", clock.today(), balance,
                lines);
    }

    private List<EntryView> oldestFirst(long personId) {
        List<EntryView> entries = new ArrayList<>();
        String cursor = null;
        do {
            MemberHistory.Page page = history.page(personId, cursor, MemberHistory.MAX_LIMIT);
            entries.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        Collections.reverse(entries);
        return entries;
    }

    private Line line(EntryView entry, Map<Long, String> services) {
        boolean in = !entry.points().startsWith("-");
        String hours = in ? entry.points() : entry.points().substring(1);
        return new Line(entry.at().toLocalDate(), describe(entry, in, services), in ? hours : "", in ? "" : hours,
                entry.balanceAfter());
    }

    private String describe(EntryView entry, boolean in, Map<Long, String> services) {
        String kind = KINDS.get(entry.kind());
        if (kind != null) {
            return kind;
        }
        String what = localRequest(entry).map(services::get).orElse("");
        String where = entry.branch().equals(currentBranch.require().value()) ? "" : "(" + entry.branch() + "分会)";
        return (in ? "提供服务" : "接受服务") + (what.isEmpty() ? "" : ":" + what) + where;
    }

    /** Service types of the requests of this branch the entries refer to, e.g. {12: "陪同就医"}. */
    private Map<Long, String> servicesOf(List<EntryView> entries) {
        List<Long> ids = entries.stream().map(this::localRequest).flatMap(Optional::stream).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = SkillTag.<SkillTag>listAll().stream()
                .collect(Collectors.toMap(t -> t.code, t -> t.nameZh));
        return ServiceRequest.<ServiceRequest>list("id in ?1", ids).stream().collect(Collectors.toMap(r -> r.id,
                r -> names.getOrDefault(r.serviceType, r.serviceType)));
    }

    /** The id of the request of this branch a service entry refers to ("SERVICE_REQUEST", "code:id"). */
    private Optional<Long> localRequest(EntryView entry) {
        if (entry.reference() == null || !"SERVICE_REQUEST".equals(entry.reference().type())) {
            return Optional.empty();
        }
        String prefix = currentBranch.require().value() + ":";
        String key = entry.reference().id();
        return key.startsWith(prefix) ? Optional.of(Long.parseLong(key.substring(prefix.length())))
                : Optional.empty();
    }

    static String sum(Function<Line, String> column, List<Line> lines) {
        return lines.stream().map(column).filter(h -> !h.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).toPlainString();
    }
}
