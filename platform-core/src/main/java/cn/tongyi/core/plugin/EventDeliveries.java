package cn.tongyi.core.plugin;

import cn.tongyi.core.event.DomainEvents;
import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.tenant.access.BranchScope;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox's events to the plugins' listeners, at least once, after the raising transaction committed.
 * Each delivery runs in a transaction of its own in the event's branch, which first claims its row ({@code FOR UPDATE
 * SKIP LOCKED}): several instances deliver side by side without delivering one event twice at the same time, and a
 * process killed mid-delivery leaves the row pending for the next pass. A listener that throws has its work rolled
 * back and is tried again later (backoff doubling from {@value #FIRST_BACKOFF_SECONDS} s, by the business clock);
 * after {@value #MAX_ATTEMPTS} failures the delivery is PARKED for HQ, who can send it again.
 */
@ApplicationScoped
public class EventDeliveries {

    static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_SECONDS = 30;
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
    private static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(EventDeliveries.class);
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    /** A delivery as HQ sees it. */
    public record Delivery(UUID eventId, String type, String branch, OffsetDateTime occurredAt, String pluginId,
            String status, int attempts, OffsetDateTime nextAttemptAt, String lastError) {
    }

    private final PlainSql sql;
    private final PluginHost host;
    private final PluginEnablements enablements;
    private final PluginContexts contexts;
    private final BranchScope scope;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tongyi-event-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    EventDeliveries(PlainSql sql, PluginHost host, PluginEnablements enablements, PluginContexts contexts,
            BranchScope scope, BusinessClock clock, ObjectMapper json) {
        this.sql = sql;
        this.host = host;
        this.enablements = enablements;
        this.contexts = contexts;
        this.scope = scope;
        this.clock = clock;
        this.json = json;
    }

    /** Delivery starts as soon as the raising transaction commits, off the request's thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvents.Raised raised) {
        kick();
    }

    /** The pass that catches up: after a restart, a retry's backoff, or another instance's crash. */
    @Scheduled(every = "${tongyi.events.poll:10s}", delayed = "5s", identity = "event-deliveries",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void kick() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                deliverDue();
            }
        } catch (RuntimeException e) {
            LOG.error("Event delivery pass failed; the next pass tries again", e);
        } finally {
            running.set(false);
            if (wanted.get()) {
                kick();
            }
        }
    }

    /** Delivers every delivery due now, until none is left that this instance could claim; returns how many ran. */
    public int deliverDue() {
        int ran = 0;
        while (true) {
            List<Delivery> due = sql.query("""
                    SELECT d.event_id, e.type, e.branch_code, e.occurred_at, d.plugin_id, d.status, d.attempts,
                           d.next_attempt_at, d.last_error
                    FROM platform.event_delivery d JOIN platform.domain_event e ON e.id = d.event_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                    ORDER BY d.next_attempt_at, d.event_id LIMIT ?""", EventDeliveries::delivery, clock.now(), BATCH);
            int before = ran;
            for (Delivery delivery : due) {
                if (attempt(delivery)) {
                    ran++;
                }
            }
            if (due.size() < BATCH || ran == before) {
                return ran;
            }
        }
    }

    /** The deliveries of a plugin that are parked, oldest first (all plugins when null). */
    public List<Delivery> parked(String pluginId) {
        return sql.query("""
                SELECT d.event_id, e.type, e.branch_code, e.occurred_at, d.plugin_id, d.status, d.attempts,
                       d.next_attempt_at, d.last_error
                FROM platform.event_delivery d JOIN platform.domain_event e ON e.id = d.event_id
                WHERE d.status = 'PARKED' AND (?::text IS NULL OR d.plugin_id = ?)
                ORDER BY e.occurred_at, d.event_id LIMIT 500""", EventDeliveries::delivery, pluginId, pluginId);
    }

    /** Sends a parked delivery again, now, with a fresh count of attempts; false if it is not parked. Not in a
     * transaction of the caller's: the delivery starts at once. */
    public boolean redeliver(UUID eventId, String pluginId) {
        boolean again = sql.update("""
                UPDATE platform.event_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE event_id = ? AND plugin_id = ? AND status = 'PARKED'""", clock.now(), eventId, pluginId) == 1;
        if (again) {
            kick();
        }
        return again;
    }

    /** One delivery in its own transaction in the event's branch; false when another instance holds it. */
    private boolean attempt(Delivery delivery) {
        BranchCode branch = new BranchCode(delivery.branch());
        try {
            return scope.call(branch, () -> QuarkusTransaction.requiringNew().call(() -> deliver(delivery, branch)));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof ListenerFailed failed ? failed.getCause() : e;
            LOG.warnf("Plugin %s failed on event %s (%s) in branch %s: %s", delivery.pluginId(), delivery.eventId(),
                    delivery.type(), delivery.branch(), cause.toString());
            recordFailure(delivery, cause);
            return true;
        }
    }

    private boolean deliver(Delivery seen, BranchCode branch) throws Exception {
        List<String> claimed = sql.query("""
                SELECT e.attributes::text FROM platform.event_delivery d JOIN platform.domain_event e ON e.id = d.event_id
                WHERE d.event_id = ? AND d.plugin_id = ? AND d.status = 'PENDING' AND d.attempts = ?
                FOR UPDATE OF d SKIP LOCKED""", row -> row.getString(1), seen.eventId(), seen.pluginId(),
                seen.attempts());
        if (claimed.isEmpty()) {
            return false;
        }
        InstalledPlugin plugin = host.active(seen.pluginId()).orElseThrow(() -> new ListenerFailed(
                new IllegalStateException("The plugin " + seen.pluginId() + " is not active on this instance")));
        DomainEvent event = new DomainEvent(seen.eventId(), seen.type(), seen.branch(), seen.occurredAt()
                .atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime(), attributes(claimed.get(0)));
        PluginContext context = contexts.forCall(plugin, branch, Optional.empty(), enablements.inCall(plugin.id(),
                branch).orElseThrow(() -> new ListenerFailed(new IllegalStateException("The plugin " + plugin.id()
                        + " is no longer switched on in branch " + branch + "; switched on again, HQ can resend"))));
        for (DomainEventListener listener : plugin.listeners()) {
            if (listener.eventTypes().contains(event.type())) {
                try {
                    listener.on(event, context);
                } catch (Exception | LinkageError e) {
                    throw new ListenerFailed(e);
                }
            }
        }
        sql.update("""
                UPDATE platform.event_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,
                    last_error = NULL WHERE event_id = ? AND plugin_id = ?""", clock.now(), seen.eventId(),
                seen.pluginId());
        return true;
    }

    private void recordFailure(Delivery delivery, Throwable cause) {
        int attempts = delivery.attempts() + 1;
        long backoff = Math.min(FIRST_BACKOFF_SECONDS << Math.min(attempts - 1, 20), LONGEST_BACKOFF.toSeconds());
        String error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                UPDATE platform.event_delivery SET attempts = ?, next_attempt_at = ?, last_error = left(?, 500),
                    status = CASE WHEN ? >= ? THEN 'PARKED' ELSE 'PENDING' END
                WHERE event_id = ? AND plugin_id = ? AND status = 'PENDING' AND attempts = ?""", attempts,
                clock.now().plusSeconds(backoff), error, attempts, MAX_ATTEMPTS, delivery.eventId(),
                delivery.pluginId(), delivery.attempts()));
    }

    private Map<String, String> attributes(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event attributes", e);
        }
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getObject(4, OffsetDateTime.class), row.getString(5), row.getString(6), row.getInt(7),
                row.getObject(8, OffsetDateTime.class), row.getString(9));
    }

    /** A listener's failure, which rolls its work back and counts as an attempt. */
    private static final class ListenerFailed extends RuntimeException {
        ListenerFailed(Throwable cause) {
            super(cause);
        }
    }
}
