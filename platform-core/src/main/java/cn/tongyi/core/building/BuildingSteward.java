package cn.tongyi.core.building;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/** A steward assigned to a building by the branch head. */
@Entity
@Table(name = "building_steward")
@IdClass(BuildingSteward.Key.class)
public class BuildingSteward extends PanacheEntityBase {

    public record Key(Long buildingId, Long personId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "building_id")
    public Long buildingId;

    @Id
    @Column(name = "person_id")
    public Long personId;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;

    public static Set<Long> buildingsOf(Long personId) {
        return BuildingSteward.<BuildingSteward>list("personId", personId).stream()
                .map(s -> s.buildingId).collect(Collectors.toSet());
    }

    public static Set<Long> stewardsOf(Long buildingId) {
        return BuildingSteward.<BuildingSteward>list("buildingId", buildingId).stream()
                .map(s -> s.personId).collect(Collectors.toSet());
    }
}
