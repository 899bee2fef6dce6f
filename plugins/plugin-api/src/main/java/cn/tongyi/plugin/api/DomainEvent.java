package cn.tongyi.plugin.api;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in a branch. Events carry ids and figures, never private data: a listener that needs more
 * asks the platform through its {@link PluginContext}.
 *
 * @param id         unique, stable across redeliveries: a listener's idempotency key
 * @param type       one of the constants below (or a type a later version adds)
 * @param branch     the branch code where it happened
 * @param occurredAt when, in the business time zone
 * @param attributes the event's ids and figures, by name
 */
public record DomainEvent(UUID id, String type, String branch, OffsetDateTime occurredAt,
        Map<String, String> attributes) {

    /** A service was confirmed done: {@code serviceRequestId}, {@code minutes}, {@code requesterId}, {@code volunteerId}. */
    public static final String SERVICE_COMPLETED = "ServiceCompleted";
    /** A member registered in the branch: {@code memberId}, {@code channel} (ONLINE or STEWARD). */
    public static final String MEMBER_REGISTERED = "MemberRegistered";
    /** The branch closed a month's books: {@code month} (YYYY-MM). */
    public static final String MONTH_CLOSED = "MonthClosed";
    /** A safety incident was reported during a service: {@code incidentId}, {@code serviceRequestId}. */
    public static final String INCIDENT_REPORTED = "IncidentReported";

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
