package cn.tongyi.core.membership;

/** R-MEMBER-2: the two yearly memberships and what each includes. Fees in fen. */
public enum MembershipType {
    /** 100 CNY a year, with a 1-hour service voucher and the merchant welcome pack. */
    TRIAL(10_000, 60),
    /** 1,000 CNY a year; the first 50 of a branch get a free health check and priority recommendation. */
    CO_CREATION(100_000, 0);

    public static final int FOUNDING_MEMBERS = 50;

    private final long feeFen;
    private final int voucherMinutes;

    MembershipType(long feeFen, int voucherMinutes) {
        this.feeFen = feeFen;
        this.voucherMinutes = voucherMinutes;
    }

    public long feeFen() {
        return feeFen;
    }

    public int voucherMinutes() {
        return voucherMinutes;
    }
}
