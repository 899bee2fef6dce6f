package cn.tongyi.core.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** R-SERVICE-10: services started on this day (business zone) earn {@code multiplier} times the points. */
@Entity
@Table(name = "promotion_day")
public class PromotionDay extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public int multiplier;

    @Column(nullable = false)
    public String name;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public OffsetDateTime setAt;
}
