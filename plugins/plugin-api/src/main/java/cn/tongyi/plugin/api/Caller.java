package cn.tongyi.plugin.api;

import java.util.Set;
import java.util.UUID;

/**
 * Who called a route.
 *
 * @param personId       the person's public id (a member's is their member id)
 * @param username       their login name
 * @param roles          their roles in the branch
 * @param allianceMember true when they act here as MEMBER only because they are a member of another branch
 */
public record Caller(UUID personId, String username, Set<BranchRole> roles, boolean allianceMember) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(BranchRole role) {
        return roles.contains(role);
    }
}
