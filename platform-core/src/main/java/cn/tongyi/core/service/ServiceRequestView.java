package cn.tongyi.core.service;

import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.privacy.Opaque;
import cn.tongyi.core.privacy.OpaqueIds;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request as staff and its requester see it; {@code overdue} marks a review past the 30-minute mark, points are
 * decimal strings.
 */
public record ServiceRequestView(
        @Opaque(OpaqueIds.Kind.SERVICE_REQUEST) @Schema(type = SchemaType.STRING) long id,
        ServiceRequest.Status status, String serviceType, OffsetDateTime startsAt, String place, Long buildingId,
        int expectedMinutes, String description, boolean payWithPoints, String requesterName,
        String requesterHomeBranch, OffsetDateTime createdAt, boolean overdue, String reviewedBy,
        OffsetDateTime reviewedAt, String reviewReason, UUID volunteerMemberId, OffsetDateTime acceptedAt,
        Integer actualMinutes, Integer rating, OffsetDateTime confirmedAt, String confirmedBy, String paperFormNo,
        String credited, String paid, String promotionBonus) {

    static ServiceRequestView of(ServiceRequest r, OffsetDateTime now) {
        return new ServiceRequestView(r.id, r.status, r.serviceType, r.startsAt, r.place, r.buildingId,
                r.expectedMinutes, r.description, r.payWithPoints, r.requesterName, r.requesterHomeBranch,
                r.createdAt, r.overdueAt(now), r.reviewedBy, r.reviewedAt, r.reviewReason, r.volunteerMemberId,
                r.acceptedAt, r.actualMinutes, r.rating, r.confirmedAt, r.confirmedBy, r.paperFormNo,
                points(r.credited), points(r.paid), points(r.promotionBonus));
    }

    private static String points(Long centiPoints) {
        return centiPoints == null ? null : Points.format(centiPoints);
    }
}
