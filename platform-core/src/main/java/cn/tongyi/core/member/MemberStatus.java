package cn.tongyi.core.member;

/**
 * Where a member stands, derived on every read from the member row and their memberships: REGISTERED (no fee paid
 * yet), ACTIVE (a paid year covers today), EXPIRED (the last paid year is over), FROZEN (may not post requests for
 * now), REVOKED (membership taken away).
 */
public enum MemberStatus {
    REGISTERED,
    ACTIVE,
    EXPIRED,
    FROZEN,
    REVOKED
}
