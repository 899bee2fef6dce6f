package cn.tongyi.core.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request offered to one ranked volunteer (R-SERVICE-3), open for 2 hours (R-SERVICE-4). */
@Entity
@Table(name = "service_offer")
public class ServiceOffer extends PanacheEntityBase {

    public static final Duration OPEN_FOR = Duration.ofHours(2);

    public enum Status {
        OPEN,
        ACCEPTED,
        WITHDRAWN,
        LAPSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public Long requestId;

    @Column(name = "volunteer_member_id", nullable = false)
    public UUID volunteerMemberId;

    @Column(name = "volunteer_person_id", nullable = false)
    public Long volunteerPersonId;

    @Column(nullable = false)
    public int rank;

    @Column(name = "skill_match", nullable = false)
    public boolean skillMatch;

    public Long metres;

    @Column(name = "open_orders", nullable = false)
    public int openOrders;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "offered_at", nullable = false)
    public OffsetDateTime offeredAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
}
