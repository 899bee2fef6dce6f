package cn.tongyi.plugin.api;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: domain events a plugin acts on, in the branches where it is enabled. The platform delivers each
 * event at least once, after the change that raised it committed, in a transaction of its own in the event's branch;
 * a listener that throws is retried later with backoff and, after repeated failures, parked for HQ. A listener must
 * therefore be idempotent by {@link DomainEvent#id()}.
 */
public interface DomainEventListener extends ExtensionPoint {

    /** The {@link DomainEvent#type() types} this listener wants; see {@link DomainEvent} for the platform's own. */
    Set<String> eventTypes();

    void on(DomainEvent event, PluginContext context) throws Exception;
}
