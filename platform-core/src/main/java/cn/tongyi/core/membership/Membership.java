package cn.tongyi.core.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One paid year of membership: active from {@code startsOn} until the day before {@code endsOn}. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipType type;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "fee_payment_id", nullable = false)
    public Long feePaymentId;

    @Column(name = "founding_benefit", nullable = false)
    public boolean foundingBenefit;

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && day.isBefore(endsOn);
    }

    public static List<Membership> of(UUID memberId) {
        return list("memberId = ?1 order by startsOn", memberId);
    }

    public static Optional<Membership> latest(UUID memberId) {
        return find("memberId = ?1 order by endsOn desc", memberId).firstResultOptional();
    }
}
