package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing without handing anyone a way to lock others out (ADR 4). Failures are counted per client
 * address and login, and per client address across logins; after a few free attempts each further failure makes the
 * next attempt wait twice as long (up to {@link #LONGEST_WAIT}), and an attempt during the wait is refused with 429
 * and Retry-After before any password is checked. A client that never failed is never slowed, so the owner of a login
 * logs in from their own device while an attacker waits. Counts live in this instance's memory for an hour after the
 * last failure: several instances each count on their own.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES_PER_LOGIN = 3;
    static final int FREE_FAILURES_PER_CLIENT = 30;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant until) {
    }

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(FORGET_AFTER)
            .build();
    private final BusinessClock clock;

    LoginThrottle(BusinessClock clock) {
        this.clock = clock;
    }

    /** Refuses with 429 while the client must still wait before trying this login again. */
    public void requireAllowed(String client, String username) {
        Instant now = clock.now().toInstant();
        for (String key : keys(client, username)) {
            Failures known = failures.getIfPresent(key);
            if (known != null && known.until().isAfter(now)) {
                long seconds = (Duration.between(now, known.until()).toMillis() + 999) / 1000;
                throw ApiProblem.tooManyRequests("login-throttled", "Too many failed attempts: try again in "
                        + seconds + " seconds", seconds);
            }
        }
    }

    public void failed(String client, String username) {
        Instant now = clock.now().toInstant();
        String[] keys = keys(client, username);
        failures.asMap().merge(keys[0], new Failures(1, now), (old, one) -> next(old, FREE_FAILURES_PER_LOGIN, now));
        failures.asMap().merge(keys[1], new Failures(1, now), (old, one) -> next(old, FREE_FAILURES_PER_CLIENT, now));
    }

    /** A success forgets the failures of this client with this login. */
    public void succeeded(String client, String username) {
        failures.invalidate(keys(client, username)[0]);
    }

    private static Failures next(Failures old, int free, Instant now) {
        int count = old.count() + 1;
        int beyond = count - free;
        if (beyond <= 0) {
            return new Failures(count, now);
        }
        long seconds = Math.min(LONGEST_WAIT.toSeconds(), 1L << Math.min(beyond - 1, 20));
        return new Failures(count, now.plusSeconds(seconds));
    }

    private static String[] keys(String client, String username) {
        return new String[] {client + "\n" + Person.normalize(username), client + "\n*"};
    }
}
