package cn.tongyi.core.finance;

/**
 * R-FIN-2's approval tiers, exact to the fen: up to 500.00 CNY the branch head approves; above that and up to 5,000.00
 * two core-team members (head, stewards, finance officer; never the requester) and HQ is informed; above 5,000.00 the
 * member representative council votes. The database checks the same boundaries.
 */
public enum ExpenseTier {
    HEAD(50_000),
    CORE_TEAM(500_000),
    COUNCIL(Long.MAX_VALUE);

    /** Approvals a CORE_TEAM expense needs from distinct core-team members. */
    public static final int CORE_TEAM_APPROVALS = 2;
    /** YES votes that carry a COUNCIL expense: more than half of the full council of 10, whoever abstains. */
    public static final int COUNCIL_MAJORITY = 6;
    /** NO votes after which COUNCIL_MAJORITY can no longer be reached: the expense is rejected. */
    public static final int COUNCIL_BLOCKING_MINORITY = 5;

    private final long upToFen;

    ExpenseTier(long upToFen) {
        this.upToFen = upToFen;
    }

    public static ExpenseTier of(long amountFen) {
        for (ExpenseTier tier : values()) {
            if (amountFen <= tier.upToFen) {
                return tier;
            }
        }
        throw new IllegalStateException("Unreachable: COUNCIL has no upper bound");
    }

    /** Tiers above the head's are reported to HQ. */
    public boolean reportedToHq() {
        return this != HEAD;
    }
}
