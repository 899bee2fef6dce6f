package cn.tongyi.core.service;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * R-SERVICE-3: who is offered a request first. A volunteer with the requested skill tag comes before one without;
 * then the shorter distance between their building and the request's (unknown distances last); then the fewer
 * accepted orders not yet completed; the member id only breaks exact ties, so that a ranking is reproducible.
 */
public final class VolunteerRanking {

    public static final int OFFERED_TO = 5;

    public static final String EXPLANATION =
            "skill tag match first, then distance between buildings (metres), then current load (open orders)";

    private VolunteerRanking() {
    }

    /** A volunteer who takes orders that day, with what the ranking looks at. */
    public record Candidate(UUID memberId, long personId, String name, Set<String> skills, Long metres,
            int openOrders) {
    }

    public record Ranked(int rank, UUID memberId, long personId, String name, boolean skillMatch, Long metres,
            int openOrders) {
    }

    private static final Comparator<Ranked> ORDER = Comparator
            .comparing((Ranked r) -> !r.skillMatch())
            .thenComparing(Ranked::metres, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Ranked::openOrders)
            .thenComparing(Ranked::memberId);

    /** The best {@value #OFFERED_TO} candidates for a service type, best first. */
    public static List<Ranked> rank(String serviceType, List<Candidate> candidates) {
        List<Ranked> sorted = candidates.stream()
                .map(c -> new Ranked(0, c.memberId(), c.personId(), c.name(), c.skills().contains(serviceType),
                        c.metres(), c.openOrders()))
                .sorted(ORDER)
                .limit(OFFERED_TO)
                .toList();
        return java.util.stream.IntStream.range(0, sorted.size())
                .mapToObj(i -> {
                    Ranked r = sorted.get(i);
                    return new Ranked(i + 1, r.memberId(), r.personId(), r.name(), r.skillMatch(), r.metres(),
                            r.openOrders());
                })
                .toList();
    }
}
