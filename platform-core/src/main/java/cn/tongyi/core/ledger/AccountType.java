package cn.tongyi.core.ledger;

/**
 * A member's account (one per person, across branches) or one of a branch's system accounts. ISSUANCE is the source
 * of earned points (service credit, referral, birthday, promotion bonus, dividend conversion) and goes negative as it
 * issues; PENALTY and REDEMPTION are sinks. Cross-branch clearing is a report over transfers, not an account.
 */
public enum AccountType {
    MEMBER,
    ISSUANCE,
    PENALTY,
    REDEMPTION;

    public boolean system() {
        return this != MEMBER;
    }
}
