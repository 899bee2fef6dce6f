package cn.tongyi.core.member;

import cn.tongyi.web.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Anonymous registrations per client address and hour ({@code TONGYI_REGISTRATION_LIMIT_PER_HOUR}): a family
 * registering together stays far below it, someone testing which ID numbers are registered hits it at once. Counted in
 * this instance's memory.
 */
@ApplicationScoped
class RegistrationThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int limit;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(WINDOW)
            .build();

    RegistrationThrottle(@ConfigProperty(name = "tongyi.registration.limit-per-hour") int limit) {
        this.limit = limit;
    }

    void count(String client) {
        if (counts.get(client, c -> new AtomicInteger()).incrementAndGet() > limit) {
            throw ApiProblem.tooManyRequests("registration-throttled",
                    "Too many registrations from this address: try again within the hour", WINDOW.toSeconds());
        }
    }
}
