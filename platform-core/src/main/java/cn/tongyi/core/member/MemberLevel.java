package cn.tongyi.core.member;

/**
 * R-MEMBER-6: one level per full year of membership, per 10 hours of service given and per 3 referrals; they add
 * up, starting from level 0.
 */
public record MemberLevel(int fullYears, long serviceCentiHours, int referrals) {

    static final long CENTI_HOURS_PER_LEVEL = 10 * 100;
    static final int REFERRALS_PER_LEVEL = 3;

    public int level() {
        return fullYears + (int) (serviceCentiHours / CENTI_HOURS_PER_LEVEL) + referrals / REFERRALS_PER_LEVEL;
    }
}
