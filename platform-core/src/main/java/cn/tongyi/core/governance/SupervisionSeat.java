package cn.tongyi.core.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A co-creation member appointed to a quarter's finance supervision group; a replaced seat is marked removed. */
@Entity
@Table(name = "supervision_seat")
public class SupervisionSeat extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String quarter;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "appointed_by", nullable = false)
    public String appointedBy;

    @Column(name = "appointed_at", nullable = false)
    public OffsetDateTime appointedAt;

    @Column(name = "removed_by")
    public String removedBy;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;
}
