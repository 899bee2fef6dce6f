package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.member.HomeMembers;
import cn.tongyi.core.privacy.Masks;
import cn.tongyi.plugin.api.MemberDirectory;
import cn.tongyi.web.BusinessClock;
import java.util.Optional;
import java.util.UUID;

/** Members of any branch by public id, masked as everyone but their carers sees them. */
class PluginMembers implements MemberDirectory {

    private final PersonIds personIds;
    private final HomeMembers homeMembers;
    private final BusinessClock clock;

    PluginMembers(PersonIds personIds, HomeMembers homeMembers, BusinessClock clock) {
        this.personIds = personIds;
        this.homeMembers = homeMembers;
        this.clock = clock;
    }

    @Override
    public Optional<MemberSummary> find(UUID memberId) {
        return personIds.internalId(memberId)
                .flatMap(person -> homeMembers.of(person, clock.today()))
                .filter(member -> !member.revoked())
                .map(member -> new MemberSummary(memberId, Masks.name(member.name()), member.homeBranch().value(),
                        member.activeMembership()));
    }
}
