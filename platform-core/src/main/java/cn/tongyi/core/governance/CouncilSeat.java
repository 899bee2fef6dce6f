package cn.tongyi.core.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A co-creation member's seat on the member representative council, from {@code seatedOn} until the day before
 * {@code endedOn}. Seats end; they are never deleted, so the council of any past day can be told.
 */
@Entity
@Table(name = "council_seat")
public class CouncilSeat extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "seated_on", nullable = false)
    public LocalDate seatedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "appointed_by", nullable = false)
    public String appointedBy;

    @Column(name = "appointed_at", nullable = false)
    public OffsetDateTime appointedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
}
