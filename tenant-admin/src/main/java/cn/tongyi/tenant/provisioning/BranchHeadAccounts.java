package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.BranchCode;

/** The identity side of onboarding, implemented where logins live. */
public interface BranchHeadAccounts {

    /** Refuses (409) a username that is already taken. */
    void requireUsernameFree(String username);

    /** The head's password, hashed: slow on purpose, so onboarding runs it while the branch schema is created. */
    String hashPassword(HeadAccount head);

    /** Creates the head's login with BRANCH_HEAD on the branch, in the caller's transaction. */
    void createHead(BranchCode branch, HeadAccount head, String passwordHash);
}
