package cn.tongyi.core.ledger;

/** Why points moved (R-LEDGER-3), and which accounts such a transfer may move them between. */
public enum TransferKind {
    /** R-SERVICE-6: a volunteer credited for service, from the branch's issuance. */
    SERVICE(AccountType.ISSUANCE, AccountType.MEMBER),
    /** R-SERVICE-6: a resident pays a volunteer with points (also the paper point book, entered by a steward). */
    SERVICE_PAYMENT(AccountType.MEMBER, AccountType.MEMBER),
    /** R-MEMBER-4: 20 points to the referrer. */
    REFERRAL(AccountType.ISSUANCE, AccountType.MEMBER),
    /** R-MEMBER-5: 2 points on the birthday, once a year. */
    BIRTHDAY(AccountType.ISSUANCE, AccountType.MEMBER),
    /** R-SERVICE-10: extra points of a promotion day. */
    PROMOTION_BONUS(AccountType.ISSUANCE, AccountType.MEMBER),
    /** R-SERVICE-8, R-COMPLAINT-2: points deducted; floors at zero unless the branch allows negative balances. */
    PENALTY(AccountType.MEMBER, AccountType.PENALTY),
    /** R-MERCHANT-2: points spent at a merchant. */
    REDEMPTION(AccountType.MEMBER, AccountType.REDEMPTION),
    /** R-LEDGER-6: a decided dispute; references the transfer it corrects, between that transfer's accounts. */
    CORRECTION(null, null),
    /** R-DIV-5: a dividend converted to points. */
    DIVIDEND_CONVERSION(AccountType.ISSUANCE, AccountType.MEMBER);

    private final AccountType from;
    private final AccountType to;

    TransferKind(AccountType from, AccountType to) {
        this.from = from;
        this.to = to;
    }

    /** Whether points of this kind may move from an account of type {@code debit} to one of type {@code credit}. */
    public boolean allows(AccountType debit, AccountType credit) {
        if (this == CORRECTION) {
            return debit == AccountType.MEMBER || credit == AccountType.MEMBER;
        }
        return from == debit && to == credit;
    }

    /** Payments and redemptions never take a member below zero (R-LEDGER-5); nor do corrections. */
    public boolean refusesOverdraft() {
        return this != PENALTY;
    }
}
