package cn.tongyi.core.dividend;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R-DIV-1..3, exactly in fen: the net profit splits 60/25/10/5 between the groups, and the co-creation members' part
 * between the members in proportion to their contribution (years × 1 + service hours × 2 + referrals × 5). Each split
 * rounds by the largest remainder: every part first gets the floor of its exact share, then the fen left over go one
 * each to the parts with the largest remainders, ties to the group listed first, or to the member whose id (its
 * lowercase text) sorts first. The parts therefore always add up to the whole. Pure functions: the same inputs always
 * give the same result.
 */
public final class DividendAllocation {

    /** The groups of R-DIV-1 and their percentages, in tie-breaking order. */
    public enum Group {
        CO_CREATION_MEMBERS(60),
        FOUNDING_SHAREHOLDERS(25),
        MUTUAL_AID_FUND(10),
        BOARD(5);

        private final int percent;

        Group(int percent) {
            this.percent = percent;
        }

        public int percent() {
            return percent;
        }
    }

    /** A member's contribution in hundredths (see {@link #contribution}). */
    public record Contributor(UUID memberId, long contribution) {
    }

    /** A member's dividend; {@code remainderFen} is the fen (0 or 1) the rounding added to the floor of the share. */
    public record Share(UUID memberId, long contribution, long amountFen, int remainderFen) {
    }

    private DividendAllocation() {
    }

    /**
     * R-DIV-3 in hundredths of a contribution point, exact: years × 100 + service centi-hours × 2 + referrals × 500.
     * The handbook's 1 year, 20 hours and 3 referrals give 5,600, i.e. 56.
     */
    public static long contribution(int membershipYears, long serviceCentiHours, int referrals) {
        return Math.addExact(Math.addExact(100L * membershipYears, Math.multiplyExact(2L, serviceCentiHours)),
                500L * referrals);
    }

    /** The groups' parts of the net profit; a loss or nothing gives every group 0. */
    public static Map<Group, Long> groups(long netProfitFen) {
        Group[] groups = Group.values();
        long[] weights = new long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            weights[i] = groups[i].percent();
        }
        long[] parts = largestRemainder(Math.max(0, netProfitFen), weights);
        Map<Group, Long> result = new EnumMap<>(Group.class);
        for (int i = 0; i < groups.length; i++) {
            result.put(groups[i], parts[i]);
        }
        return result;
    }

    /** The members' part split by contribution; with no contribution at all there is nobody to pay and every share is 0. */
    public static List<Share> members(long poolFen, List<Contributor> contributors) {
        List<Contributor> ordered = new ArrayList<>(contributors);
        ordered.sort(Comparator.comparing(c -> c.memberId().toString()));
        long[] weights = ordered.stream().mapToLong(Contributor::contribution).toArray();
        long total = 0;
        for (long weight : weights) {
            total = Math.addExact(total, weight);
        }
        long[] amounts = total == 0 ? new long[weights.length] : largestRemainder(poolFen, weights);
        long[] floors = total == 0 ? new long[weights.length] : floors(poolFen, weights, total);
        List<Share> shares = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            shares.add(new Share(ordered.get(i).memberId(), weights[i], amounts[i], (int) (amounts[i] - floors[i])));
        }
        return shares;
    }

    /**
     * Splits {@code total} in proportion to {@code weights} (all ≥ 0, sum &gt; 0), in whole units that add up to it:
     * floors first, then one unit each to the largest remainders, ties to the lower index.
     */
    static long[] largestRemainder(long total, long[] weights) {
        long sum = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("A weight is never negative");
            }
            sum = Math.addExact(sum, weight);
        }
        if (sum == 0) {
            throw new IllegalArgumentException("Nothing to split by");
        }
        BigInteger whole = BigInteger.valueOf(total);
        BigInteger divisor = BigInteger.valueOf(sum);
        long[] parts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] division = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(divisor);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1].longValueExact();
            given += parts[i];
        }
        long left = total - given;
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                .thenComparingInt(i -> i));
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        return parts;
    }

    private static long[] floors(long total, long[] weights, long sum) {
        long[] floors = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            floors[i] = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))
                    .divide(BigInteger.valueOf(sum)).longValueExact();
        }
        return floors;
    }
}
