package cn.tongyi.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VolunteerRankingTest {

    private static VolunteerRanking.Candidate candidate(String name, Set<String> skills, Long metres, int load) {
        return new VolunteerRanking.Candidate(UUID.nameUUIDFromBytes(name.getBytes()), name.hashCode(), name, skills,
                metres, load);
    }

    @Test
    @DisplayName("R-SERVICE-3: skill tag first, then distance between buildings, then current load")
    void order() {
        List<VolunteerRanking.Ranked> ranked = VolunteerRanking.rank("SHOPPING", List.of(
                candidate("near-no-skill", Set.of("REPAIR"), 10L, 0),
                candidate("far-skill", Set.of("SHOPPING"), 900L, 0),
                candidate("near-skill-busy", Set.of("SHOPPING", "REPAIR"), 100L, 2),
                candidate("near-skill-free", Set.of("SHOPPING"), 100L, 0),
                candidate("skill-distance-unknown", Set.of("SHOPPING"), null, 0)));

        assertThat(ranked).extracting(VolunteerRanking.Ranked::name).containsExactly("near-skill-free",
                "near-skill-busy", "far-skill", "skill-distance-unknown", "near-no-skill");
        assertThat(ranked).extracting(VolunteerRanking.Ranked::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(ranked.get(0).skillMatch()).isTrue();
        assertThat(ranked.get(4).skillMatch()).isFalse();
        assertThat(ranked.get(1).openOrders()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SERVICE-3: at most five volunteers are offered a request; none when nobody takes orders")
    void topFive() {
        List<VolunteerRanking.Candidate> eight = IntStream.range(0, 8)
                .mapToObj(i -> candidate("v" + i, Set.of("SHOPPING"), (long) (800 - i * 100), 0)).toList();
        assertThat(VolunteerRanking.rank("SHOPPING", eight)).extracting(VolunteerRanking.Ranked::name)
                .containsExactly("v7", "v6", "v5", "v4", "v3");
        assertThat(VolunteerRanking.rank("SHOPPING", List.of())).isEmpty();
    }
}
