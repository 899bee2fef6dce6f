package cn.tongyi.testplugin;

import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.PluginContext;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Records every event it takes, once per event id; while the branch's setting {@code failEvents} is on it records
 * and then throws, so that the host must roll its work back and try again later.
 */
@Extension
public class TroubleListener implements DomainEventListener {

    @Override
    public Set<String> eventTypes() {
        return Set.of(DomainEvent.MEMBER_REGISTERED, DomainEvent.SERVICE_COMPLETED);
    }

    @Override
    public void on(DomainEvent event, PluginContext context) {
        context.sql().update("INSERT INTO trouble_seen (event_id, type) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.id(), event.type());
        if (context.settings().bool("failEvents")) {
            throw new IllegalStateException("the listener's own bug");
        }
    }
}
