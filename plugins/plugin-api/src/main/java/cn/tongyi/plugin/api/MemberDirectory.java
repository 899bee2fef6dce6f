package cn.tongyi.plugin.api;

import java.util.Optional;
import java.util.UUID;

/** Members of the alliance by id, as a plugin may see them: masked. */
public interface MemberDirectory {

    Optional<MemberSummary> find(UUID memberId);

    /**
     * @param maskedName       the name masked as everyone but the member's carers sees it (王**)
     * @param homeBranch       the code of the member's home branch
     * @param activeMembership whether a paid membership year covers today
     */
    record MemberSummary(UUID id, String maskedName, String homeBranch, boolean activeMembership) {
    }
}
