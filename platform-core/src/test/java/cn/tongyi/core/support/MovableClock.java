package cn.tongyi.core.support;

import cn.tongyi.web.BusinessClock;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Business time moved forward for one test: install it, and Quarkus puts the real clock back after the test. */
public class MovableClock extends BusinessClock {

    private final Clock clock;

    private MovableClock(Clock clock) {
        this.clock = clock;
    }

    public static void installShiftedBy(Duration shift) {
        QuarkusMock.installMockForType(new MovableClock(Clock.offset(Clock.system(ZONE), shift)), BusinessClock.class);
    }

    /** Moves business time on from wherever the test has it now. */
    public static void moveOn(Duration step) {
        Duration current = Duration.between(Instant.now(), businessNow().toInstant());
        installShiftedBy(current.plus(step));
    }

    /** Business time now, as the application reads it. */
    public static OffsetDateTime businessNow() {
        return Arc.container().instance(BusinessClock.class).get().now();
    }

    @Override
    protected Clock clock() {
        return clock;
    }
}
