package cn.tongyi.core.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Free service time included in a membership (the TRIAL year's 1-hour voucher). */
@Entity
@Table(name = "service_voucher")
public class ServiceVoucher extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "membership_id", nullable = false)
    public Long membershipId;

    @Column(nullable = false)
    public int minutes;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    public static long unusedMinutes(UUID memberId) {
        return ServiceVoucher.<ServiceVoucher>list("memberId = ?1 and usedAt is null", memberId).stream()
                .mapToLong(v -> v.minutes).sum();
    }
}
