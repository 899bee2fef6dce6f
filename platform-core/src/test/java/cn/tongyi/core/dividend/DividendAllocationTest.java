package cn.tongyi.core.dividend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure dividend rules, over many random cases (a seeded Random: a failure is reproducible by its seed). */
class DividendAllocationTest {

    @Test
    @DisplayName("R-DIV-3: contribution = years × 1 + service hours × 2 + referrals × 5; the handbook's 1 + 20 × 2 + "
            + "3 × 5 = 56")
    void handbookExample() {
        assertThat(DividendAllocation.contribution(1, 2_000, 3)).isEqualTo(5_600);
        assertThat(DividendAllocation.contribution(0, 25, 0)).isEqualTo(50);
    }

    @Test
    @DisplayName("R-DIV-1: 60/25/10/5 to the fen, the left-over fen by largest remainder, ties to the group listed "
            + "first; a loss divides nothing")
    void groups() {
        assertThat(DividendAllocation.groups(10_000)).containsExactlyInAnyOrderEntriesOf(Map.of(
                DividendAllocation.Group.CO_CREATION_MEMBERS, 6_000L,
                DividendAllocation.Group.FOUNDING_SHAREHOLDERS, 2_500L,
                DividendAllocation.Group.MUTUAL_AID_FUND, 1_000L, DividendAllocation.Group.BOARD, 500L));
        // 1 fen: remainders 60, 25, 10, 5 → the members' group; 3 fen: 180→80, 75, 30, 15 → members, founders, fund
        assertThat(DividendAllocation.groups(1).get(DividendAllocation.Group.CO_CREATION_MEMBERS)).isEqualTo(1);
        assertThat(DividendAllocation.groups(3)).containsEntry(DividendAllocation.Group.CO_CREATION_MEMBERS, 2L)
                .containsEntry(DividendAllocation.Group.FOUNDING_SHAREHOLDERS, 1L)
                .containsEntry(DividendAllocation.Group.MUTUAL_AID_FUND, 0L);
        assertThat(DividendAllocation.groups(-50_000).values()).containsOnly(0L);
    }

    @Test
    @DisplayName("R-DIV-2: equal contributions split an odd fen to the lower member id (its lowercase text)")
    void tiesByMemberId() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000001");
        List<DividendAllocation.Share> shares = DividendAllocation.members(3, List.of(
                new DividendAllocation.Contributor(high, 100), new DividendAllocation.Contributor(low, 100)));
        assertThat(shares).extracting(DividendAllocation.Share::memberId).containsExactly(low, high);
        assertThat(shares).extracting(DividendAllocation.Share::amountFen).containsExactly(2L, 1L);
        assertThat(shares).extracting(DividendAllocation.Share::remainderFen).containsExactly(1, 0);
    }

    @Test
    @DisplayName("R-DIV-1, R-DIV-2 (property): for random members and profits the groups add up to the profit and the "
            + "members' shares to their group exactly, each within one fen of its exact share, the same every time "
            + "and in any input order")
    void partsAlwaysAddUp() {
        Random random = new Random(20261201L);
        for (int round = 0; round < 2_000; round++) {
            long profit = switch (round % 4) {
                case 0 -> random.nextInt(100);
                case 1 -> random.nextInt(1_000_000);
                case 2 -> random.nextLong(100_000_000_000L);
                default -> random.nextLong(1_000_000_000_000_000L);
            };
            Map<DividendAllocation.Group, Long> groups = DividendAllocation.groups(profit);
            assertThat(groups.values().stream().mapToLong(Long::longValue).sum()).as("round %d", round)
                    .isEqualTo(profit);
            for (DividendAllocation.Group group : DividendAllocation.Group.values()) {
                assertThat(Math.abs(groups.get(group) * 100 - profit * group.percent())).isLessThan(100);
            }
            long pool = groups.get(DividendAllocation.Group.CO_CREATION_MEMBERS);
            List<DividendAllocation.Contributor> members = new ArrayList<>();
            int count = 1 + random.nextInt(round % 10 == 0 ? 2_000 : 50);
            for (int i = 0; i < count; i++) {
                int years = random.nextInt(10);
                long centiHours = random.nextInt(5) == 0 ? 0 : random.nextInt(100_000);
                int referrals = random.nextInt(4) == 0 ? random.nextInt(30) : 0;
                members.add(new DividendAllocation.Contributor(UUID.randomUUID(),
                        DividendAllocation.contribution(Math.max(1, years), centiHours, referrals)));
            }
            List<DividendAllocation.Share> shares = DividendAllocation.members(pool, members);
            assertThat(shares.stream().mapToLong(DividendAllocation.Share::amountFen).sum()).as("round %d", round)
                    .isEqualTo(pool);
            long total = members.stream().mapToLong(DividendAllocation.Contributor::contribution).sum();
            for (DividendAllocation.Share share : shares) {
                BigInteger exact = BigInteger.valueOf(pool)
                        .multiply(BigInteger.valueOf(share.contribution()));
                BigInteger paid = BigInteger.valueOf(share.amountFen())
                        .multiply(BigInteger.valueOf(total));
                assertThat(exact.subtract(paid).abs()).isLessThan(BigInteger.valueOf(total));
            }
            List<DividendAllocation.Contributor> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            assertThat(DividendAllocation.members(pool, shuffled)).isEqualTo(shares);
        }
    }
}
