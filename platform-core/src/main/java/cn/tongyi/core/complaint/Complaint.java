package cn.tongyi.core.complaint;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** R-COMPLAINT-1: a complaint as the complaint ledger holds it, with its two clocks. */
public record Complaint(UUID id, Channel channel, SubjectType subjectType, String subjectRef, UUID complainantMemberId,
        String description, OffsetDateTime receivedAt, String receivedBy, OffsetDateTime contactDueAt,
        OffsetDateTime resolveDueAt, OffsetDateTime contactedAt, String contactedBy, String contactNote,
        OffsetDateTime resolvedAt, String resolvedBy, String resolution, Outcome outcome, UUID sanctionedMemberId,
        Long penaltyPoints, LocalDate sanctionedUntil, boolean retrainingRequired, boolean contactOverdue,
        boolean resolutionOverdue) {

    public static final Duration CONTACT_WITHIN = Duration.ofHours(1);
    public static final Duration RESOLVE_WITHIN = Duration.ofHours(24);

    public enum Channel {
        PHONE,
        APP,
        IN_PERSON
    }

    public enum SubjectType {
        SERVICE_ORDER,
        VOLUNTEER,
        MEMBER,
        MERCHANT
    }

    /**
     * How it ended: {@code VOLUNTEER_BELOW_STANDARD} deducts points, suspends the volunteer for a week and flags them
     * for retraining (R-COMPLAINT-2); {@code MALICIOUS} freezes the complainant's request right for a month,
     * {@code MALICIOUS_SERIOUS} revokes the membership (R-COMPLAINT-3).
     */
    public enum Outcome {
        NO_FAULT,
        SETTLED,
        VOLUNTEER_BELOW_STANDARD,
        MALICIOUS,
        MALICIOUS_SERIOUS;

        boolean sanctions() {
            return this != NO_FAULT && this != SETTLED;
        }
    }
}
