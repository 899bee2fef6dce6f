package cn.tongyi.tenant.access;

/** Roles of the rulebook (docs/rules.md). HQ_ADMIN is platform-wide; every other role is granted per branch (R-BRANCH-3). */
public enum Role {
    HQ_ADMIN,
    BRANCH_HEAD,
    STEWARD,
    FINANCE,
    VOLUNTEER,
    MEMBER,
    MERCHANT,
    GOV_VIEWER
}
