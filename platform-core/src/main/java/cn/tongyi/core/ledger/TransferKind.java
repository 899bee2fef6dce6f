package cn.tongyi.core.ledger;

import java.util.Set;

/** Why points moved (R-LEDGER-3), and which accounts such a transfer may move them between. */
public enum TransferKind {
    /** R-SERVICE-6: a volunteer credited for service not paid with points, from the branch's issuance. */
    SERVICE(Route.ISSUED),
    /**
     * R-SERVICE-6, R-LEDGER-8: a resident pays with points for a service they received: to the volunteer on
     * confirmation, or back to the branch's issuance when a paper point-book line settles a service the branch had
     * credited.
     */
    SERVICE_PAYMENT(new Route(AccountType.MEMBER, AccountType.MEMBER), new Route(AccountType.MEMBER, AccountType.ISSUANCE)),
    /** R-MEMBER-4: 20 points to the referrer. */
    REFERRAL(Route.ISSUED),
    /** R-MEMBER-5: 2 points on the birthday, once a year. */
    BIRTHDAY(Route.ISSUED),
    /** R-SERVICE-10: extra points of a promotion day. */
    PROMOTION_BONUS(Route.ISSUED),
    /** R-SERVICE-8, R-COMPLAINT-2: points deducted; floors at zero unless the branch allows negative balances. */
    PENALTY(new Route(AccountType.MEMBER, AccountType.PENALTY)),
    /** R-MERCHANT-2: points spent at a merchant. */
    REDEMPTION(new Route(AccountType.MEMBER, AccountType.REDEMPTION)),
    /** R-LEDGER-6: a decided dispute; references the transfer it corrects, between that transfer's accounts. */
    CORRECTION(),
    /** R-DIV-5: a dividend converted to points. */
    DIVIDEND_CONVERSION(Route.ISSUED);

    /** A pair of account types points of a kind may move between. */
    private record Route(AccountType from, AccountType to) {
        static final Route ISSUED = new Route(AccountType.ISSUANCE, AccountType.MEMBER);
    }

    private final Set<Route> routes;

    TransferKind(Route... routes) {
        this.routes = Set.of(routes);
    }

    /** Whether points of this kind may move from an account of type {@code debit} to one of type {@code credit}. */
    public boolean allows(AccountType debit, AccountType credit) {
        if (this == CORRECTION) {
            return debit == AccountType.MEMBER || credit == AccountType.MEMBER;
        }
        return routes.contains(new Route(debit, credit));
    }

    /** Payments and redemptions never take a member below zero (R-LEDGER-5); nor do corrections. */
    public boolean refusesOverdraft() {
        return this != PENALTY;
    }
}
