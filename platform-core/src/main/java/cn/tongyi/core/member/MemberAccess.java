package cn.tongyi.core.member;

import cn.tongyi.core.building.BuildingSteward;
import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with a member's record (R-MEMBER-3). The branch head and the stewards of the member's building
 * see private data in clear and act on the record; the member sees their own record in clear; everyone else sees
 * it masked. A steward acting on a member outside their buildings gets 404, as if the member did not exist.
 */
@RequestScoped
public class MemberAccess {

    private final CurrentBranch branch;
    private final CurrentPerson person;
    private Set<Long> stewardedBuildings;

    MemberAccess(CurrentBranch branch, CurrentPerson person) {
        this.branch = branch;
        this.person = person;
    }

    public Member find(UUID memberId) {
        return Member.<Member>findByIdOptional(memberId).orElseThrow(() -> notFound(memberId));
    }

    /** The member record of the caller in this branch. */
    public Member self() {
        return Member.<Member>find("personId", person.id()).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("member-not-found", "You are not a member of this branch"));
    }

    public boolean seesClear(Member member) {
        return caresFor(member) || isSelf(member);
    }

    /** The branch head and the stewards of the member's building look after the member. */
    public boolean caresFor(Member member) {
        return branch.has(Role.BRANCH_HEAD) || stewardsBuilding(member.buildingId);
    }

    public boolean isSelf(Member member) {
        return member.personId.equals(person.id());
    }

    /** Refuses unless the caller is the branch head or a steward of the member's building. */
    public Member requireCareOf(UUID memberId) {
        Member member = find(memberId);
        if (caresFor(member)) {
            return member;
        }
        throw notFound(memberId);
    }

    /** Stewards register members only into their own buildings; the head into any. */
    public void requireCareOfBuilding(Long buildingId) {
        if (!branch.has(Role.BRANCH_HEAD) && !stewardsBuilding(buildingId)) {
            throw ApiProblem.invalidField("not-your-building", "buildingId",
                    "You are not a steward of building " + buildingId);
        }
    }

    /** The buildings the caller stewards; null for the head, who sees every building. */
    public Set<Long> visibleBuildings() {
        return branch.has(Role.BRANCH_HEAD) ? null : stewardedBuildings();
    }

    private boolean stewardsBuilding(Long buildingId) {
        return branch.has(Role.STEWARD) && stewardedBuildings().contains(buildingId);
    }

    private Set<Long> stewardedBuildings() {
        if (stewardedBuildings == null) {
            stewardedBuildings = BuildingSteward.buildingsOf(person.id());
        }
        return stewardedBuildings;
    }

    private static ApiProblem notFound(UUID memberId) {
        return ApiProblem.notFound("member-not-found", "No member " + memberId + " in your care");
    }
}
