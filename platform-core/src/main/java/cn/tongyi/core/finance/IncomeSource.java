package cn.tongyi.core.finance;

/** Where income comes from (R-FIN-1). Membership and merchant fees are recorded by their own flows, the rest by hand. */
public enum IncomeSource {
    MEMBERSHIP_FEE(false),
    MERCHANT_FEE(false),
    SPACE_RENTAL(true),
    CUSTOM_SERVICE(true),
    SPONSORSHIP(true),
    OTHER(true);

    private final boolean enteredByHand;

    IncomeSource(boolean enteredByHand) {
        this.enteredByHand = enteredByHand;
    }

    public boolean enteredByHand() {
        return enteredByHand;
    }
}
