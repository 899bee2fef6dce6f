package cn.tongyi.plugin.api;

/** The roles a person may hold in a branch, as the platform grants them; a route names those it serves. */
public enum BranchRole {
    BRANCH_HEAD,
    STEWARD,
    FINANCE,
    VOLUNTEER,
    MEMBER,
    MERCHANT,
    GOV_VIEWER
}
