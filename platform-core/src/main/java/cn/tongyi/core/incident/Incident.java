package cn.tongyi.core.incident;

import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R-INCIDENT-1..3: an incident with its response times, its emergency-fund movements and its report. */
public record Incident(UUID id,
        @Opaque(OpaqueIds.Kind.SERVICE_REQUEST) @Schema(type = SchemaType.STRING) long serviceRequestId,
        UUID injuredMemberId, String place, String whatHappened, String injuries, OffsetDateTime occurredAt,
        OffsetDateTime reportedAt, String reportedBy, OffsetDateTime stewardArrivedAt, String stewardArrivedBy,
        OffsetDateTime ambulanceCalledAt, OffsetDateTime reportDueAt, OffsetDateTime reportFiledAt,
        String reportFiledBy, String causes, String improvements, boolean reportOverdue,
        List<FundMovement> fundMovements, long outstandingAdvanceFen) {

    public static final Duration REPORT_WITHIN = Duration.ofHours(24);

    public enum MovementKind {
        ADVANCE,
        REIMBURSEMENT
    }

    /** An emergency-fund advance from the mutual-aid fund, or the insurer's payout that reimburses it. */
    public record FundMovement(UUID id, MovementKind kind, long amountFen, String reference, String recordedBy,
            OffsetDateTime recordedAt) {
    }
}
