package cn.tongyi.core.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A line of the branch's income (R-FIN-1), in fen, with its source. Membership fees write the first lines; the cash
 * book (package finance) reads them with the rest. The database fills the booking day from {@code recordedAt}.
 */
@Entity
@Table(name = "branch_income")
public class BranchIncome extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String source;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String currency = "CNY";

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String description;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** ONLINE or CASH; cash stays with {@link #receivedBy} until it is handed over to the finance officer. */
    @Column(nullable = false)
    public String channel;

    @Column(name = "received_by")
    public String receivedBy;
}
