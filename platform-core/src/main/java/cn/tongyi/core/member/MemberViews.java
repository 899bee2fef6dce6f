package cn.tongyi.core.member;

import cn.tongyi.core.building.Building;
import cn.tongyi.core.membership.Membership;
import cn.tongyi.core.membership.ServiceVoucher;
import cn.tongyi.core.privacy.Masks;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns member rows into what the caller may see (R-MEMBER-3, ADR 6). Three degrees: in clear, written to the access
 * log in the same transaction; named, for those who care for the member (the head, the building's stewards) in lists,
 * with name, building and unit but private data masked; masked for everyone else, down to the name (王**) and the
 * address parts.
 */
@ApplicationScoped
public class MemberViews {

    static final String CLEAR_FIELDS = "phone,idNumber,address,emergencyContact,birthDate";

    private final MemberPrivateData privateData;
    private final MemberLevels levels;
    private final MemberAccess access;
    private final CallerGrants caller;
    private final BusinessClock clock;

    MemberViews(MemberPrivateData privateData, MemberLevels levels, MemberAccess access, CallerGrants caller,
            BusinessClock clock) {
        this.privateData = privateData;
        this.levels = levels;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    private enum Disclosure {
        CLEAR,
        NAMED,
        MASKED
    }

    /** The record as this caller may see it; a clear view is audited with the given reason. */
    public MemberView view(Member member, String reason) {
        if (access.seesClear(member)) {
            audit(member, reason);
            return view(member, Disclosure.CLEAR);
        }
        return view(member, Disclosure.MASKED);
    }

    /** Lists never show private data: carers see whom they care for by name, others see masks only. */
    public List<MemberView> list(List<Member> members) {
        return members.stream()
                .map(m -> view(m, access.caresFor(m) ? Disclosure.NAMED : Disclosure.MASKED))
                .toList();
    }

    private static MemberStatus status(Member member, List<Membership> memberships, LocalDate today) {
        if (member.revoked()) {
            return MemberStatus.REVOKED;
        }
        if (member.frozenOn(today)) {
            return MemberStatus.FROZEN;
        }
        if (memberships.isEmpty()) {
            return MemberStatus.REGISTERED;
        }
        return memberships.stream().anyMatch(m -> m.covers(today)) ? MemberStatus.ACTIVE : MemberStatus.EXPIRED;
    }


    private MemberView view(Member member, Disclosure disclosure) {
        boolean clear = disclosure == Disclosure.CLEAR;
        boolean masked = disclosure == Disclosure.MASKED;
        LocalDate today = clock.today();
        MemberPrivateData.Clear data = clear ? privateData.open(member) : privateData.open(member).masked();
        List<Membership> memberships = Membership.of(member.id);
        Optional<Membership> current = memberships.stream().filter(m -> m.covers(today)).findFirst()
                .or(() -> memberships.stream().max(Comparator.comparing(m -> m.endsOn)));
        Building building = masked ? null : Building.findById(member.buildingId);
        int level = levels.of(member, memberships, today).level();
        List<MemberView.Benefit> benefits = levels.benefitsUpTo(level).stream()
                .map(b -> new MemberView.Benefit(b.level, b.benefitsZh, b.benefitsEn)).toList();
        return new MemberView(member.id, masked ? Masks.name(member.name) : member.name,
                masked ? null : member.buildingId, masked ? null : building.name, masked ? null : member.unit,
                data.address(), data.phone(), data.idNumber(), clear ? member.birthDate : null,
                data.emergencyName() == null ? null
                        : new MemberView.EmergencyContactView(data.emergencyName(), data.emergencyPhone()),
                clear, status(member, memberships, today), member.frozenUntil,
                current.map(m -> new MemberView.MembershipView(m.type, m.startsOn, m.endsOn, m.foundingBenefit))
                        .orElse(null),
                ServiceVoucher.unusedMinutes(member.id), level, benefits,
                new MemberView.Registration(member.channel, member.paperFormNo, member.enteredBy, member.referrerId,
                        member.registeredAt));
    }

    private void audit(Member member, String reason) {
        PiiAccessLog entry = new PiiAccessLog();
        entry.accessedBy = caller.username();
        entry.memberId = member.id;
        entry.fields = CLEAR_FIELDS;
        entry.reason = reason == null || reason.isBlank() ? "查看会员资料" : reason.strip();
        entry.accessedAt = clock.now();
        entry.persist();
    }
}
