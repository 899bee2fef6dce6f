package cn.tongyi.core.support;

import cn.tongyi.web.BusinessClock;
import io.quarkus.test.junit.QuarkusMock;
import java.time.Clock;
import java.time.Duration;

/** Business time moved forward for one test: install it, and Quarkus puts the real clock back after the test. */
public class MovableClock extends BusinessClock {

    private final Clock clock;

    private MovableClock(Clock clock) {
        this.clock = clock;
    }

    public static void installShiftedBy(Duration shift) {
        QuarkusMock.installMockForType(new MovableClock(Clock.offset(Clock.system(ZONE), shift)), BusinessClock.class);
    }

    @Override
    protected Clock clock() {
        return clock;
    }
}
