package cn.tongyi.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.core.plugin.EventDeliveries;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what an event delivery does. Deliveries also run on their own thread after each commit, and a pass skips
 * the rows that thread holds: passes run here until the condition holds, for 10 s at most.
 */
public final class EventsDelivered {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private EventsDelivered() {
    }

    public static void until(BooleanSupplier condition) {
        EventDeliveries deliveries = Arc.container().instance(EventDeliveries.class).get();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still not delivered after " + PATIENCE).isLessThan(deadline);
            deliveries.deliverDue();
        }
    }
}
