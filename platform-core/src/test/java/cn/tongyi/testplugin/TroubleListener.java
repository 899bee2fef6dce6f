package cn.tongyi.testplugin;

import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Records every event it takes, once per event id; while the branch's setting {@code failEvents} is on it records
 * and then throws, so that the host must roll its work back and try again later. While the file named by the
 * environment variable {@value #HOLD} exists, it records and then waits (writing {@code <file>.holding}), so that a
 * test can kill the platform in the middle of a delivery.
 */
@Extension
public class TroubleListener implements DomainEventListener {

    public static final String HOLD = "TROUBLE_HOLD_FILE";

    @Override
    public Set<String> eventTypes() {
        return Set.of(DomainEvent.MEMBER_REGISTERED, DomainEvent.SERVICE_COMPLETED, DomainEvent.MONTH_CLOSED,
                DomainEvent.INCIDENT_REPORTED);
    }

    @Override
    public void on(DomainEvent event, PluginContext context) throws IOException, InterruptedException {
        context.sql().update("INSERT INTO trouble_seen (event_id, type) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.id(), event.type());
        if (context.settings().bool("failEvents")) {
            throw new IllegalStateException("the listener's own bug");
        }
        holdWhileAsked(event);
    }

    private static void holdWhileAsked(DomainEvent event) throws IOException, InterruptedException {
        String hold = System.getenv(HOLD);
        if (hold == null || !Files.exists(Path.of(hold))) {
            return;
        }
        Files.writeString(Path.of(hold + ".holding"), event.id().toString());
        while (Files.exists(Path.of(hold))) {
            Thread.sleep(100);
        }
    }
}
