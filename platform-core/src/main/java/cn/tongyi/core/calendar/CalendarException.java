package cn.tongyi.core.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A day that is not what Monday to Friday says: a public holiday on a weekday, or a make-up working weekend day. */
@Entity
@Table(schema = "platform", name = "calendar_exception")
public class CalendarException extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public boolean working;

    @Column(nullable = false, length = 40)
    public String name;

    @Column(name = "updated_by", nullable = false, length = 40)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
