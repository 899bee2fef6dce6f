package cn.tongyi.tenant.access;

import java.util.Set;

/** What the caller of the current request may do, per branch. Implemented by the identity domain. */
public interface CallerGrants {

    boolean authenticated();

    /** The caller's username, for audit columns. */
    String username();

    /** The roles the caller holds in the branch; empty when the caller has no business there. */
    Set<Role> rolesIn(String branchCode);

    /** Whether the caller holds the role in at least one branch. */
    boolean holdsAnywhere(Role role);
}
