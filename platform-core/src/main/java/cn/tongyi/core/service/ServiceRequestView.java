package cn.tongyi.core.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A request as staff and its requester see it; {@code overdue} marks a review past the 30-minute mark. */
public record ServiceRequestView(long id, ServiceRequest.Status status, String serviceType, OffsetDateTime startsAt,
        String place, Long buildingId, int expectedMinutes, String description, boolean payWithPoints,
        String requesterName, String requesterHomeBranch, OffsetDateTime createdAt, boolean overdue,
        String reviewedBy, OffsetDateTime reviewedAt, String reviewReason, UUID volunteerMemberId,
        OffsetDateTime acceptedAt) {

    static ServiceRequestView of(ServiceRequest r, OffsetDateTime now) {
        return new ServiceRequestView(r.id, r.status, r.serviceType, r.startsAt, r.place, r.buildingId,
                r.expectedMinutes, r.description, r.payWithPoints, r.requesterName, r.requesterHomeBranch,
                r.createdAt, r.overdueAt(now), r.reviewedBy, r.reviewedAt, r.reviewReason, r.volunteerMemberId,
                r.acceptedAt);
    }
}
