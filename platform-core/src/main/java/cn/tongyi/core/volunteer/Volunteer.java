package cn.tongyi.core.volunteer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A member on the way to, or holding, the 同壹时间志工 certificate (R-VOL-1): both training days attended and the
 * service-scenario test passed. Suspended volunteers get no orders until the day after {@code suspendedUntil}.
 */
@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {

    public enum Status {
        IN_TRAINING,
        CERTIFIED,
        SUSPENDED
    }

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "applied_on", nullable = false)
    public LocalDate appliedOn;

    @Column(name = "training_day1", nullable = false)
    public boolean trainingDay1;

    @Column(name = "training_day2", nullable = false)
    public boolean trainingDay2;

    @Column(name = "scenario_test_passed")
    public Boolean scenarioTestPassed;

    @Column(name = "certificate_no")
    public String certificateNo;

    @Column(name = "certified_at")
    public OffsetDateTime certifiedAt;

    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "volunteer_skill", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "skill_code")
    public Set<String> skills = new TreeSet<>();

    public boolean readyForCertificate() {
        return trainingDay1 && trainingDay2 && Boolean.TRUE.equals(scenarioTestPassed) && certificateNo == null;
    }

    public Status statusOn(LocalDate day) {
        if (certificateNo == null) {
            return Status.IN_TRAINING;
        }
        return suspendedUntil != null && !day.isAfter(suspendedUntil) ? Status.SUSPENDED : Status.CERTIFIED;
    }

    /** R-VOL-3: only a certified volunteer who is not suspended that day takes orders. */
    public boolean takesOrdersOn(LocalDate day) {
        return statusOn(day) == Status.CERTIFIED;
    }
}
