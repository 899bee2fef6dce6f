package cn.tongyi.core.event;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raises domain events into the transactional outbox ({@code platform.domain_event}): written in the caller's
 * transaction, so an event exists exactly when the change that raised it committed, with one pending delivery per
 * subscriber (a plugin enabled in the branch that takes the type). Events carry ids and figures, never private data.
 */
@ApplicationScoped
public class DomainEvents {

    private final PlainSql sql;
    private final EventSubscribers subscribers;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final Event<Raised> raised;

    DomainEvents(PlainSql sql, EventSubscribers subscribers, BusinessClock clock, ObjectMapper json,
            Event<Raised> raised) {
        this.sql = sql;
        this.subscribers = subscribers;
        this.clock = clock;
        this.json = json;
        this.raised = raised;
    }

    /** Fired (in the raising transaction) so that delivery can start as soon as that transaction commits. */
    public record Raised(UUID eventId) {
    }

    public UUID raise(BranchCode branch, String type, Map<String, String> attributes) {
        List<String> to = subscribers.of(branch, type);
        if (to.isEmpty()) {
            return null;
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.now();
        sql.update("""
                INSERT INTO platform.domain_event (id, type, branch_code, occurred_at, attributes)
                VALUES (?, ?, ?, ?, ?::jsonb)""", id, type, branch.value(), now, write(attributes));
        for (String subscriber : to) {
            sql.update("""
                    INSERT INTO platform.event_delivery (event_id, plugin_id, status, next_attempt_at)
                    VALUES (?, ?, 'PENDING', ?)""", id, subscriber, now);
        }
        raised.fire(new Raised(id));
        return id;
    }

    private String write(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
