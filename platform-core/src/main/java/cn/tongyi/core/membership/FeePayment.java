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
import java.time.OffsetDateTime;
import java.util.UUID;

/** A membership fee received, online or in cash (R-FIN-1), in fen. */
@Entity
@Table(name = "fee_payment")
public class FeePayment extends PanacheEntityBase {

    public enum Channel {
        ONLINE,
        CASH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipType type;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String currency = "CNY";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "receipt_no", nullable = false)
    public String receiptNo;

    @Column(name = "received_by")
    public String receivedBy;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;
}
