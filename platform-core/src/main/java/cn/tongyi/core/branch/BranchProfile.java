package cn.tongyi.core.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What a branch tells its residents about itself. One row, in the branch's own schema. */
@Entity
@Table(name = "branch_profile")
public class BranchProfile extends PanacheEntityBase {

    static final short THE_ROW = 1;

    @Id
    public Short id;

    public String phone;

    @Column(name = "opening_hours")
    public String openingHours;

    public String introduction;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static BranchProfile current() {
        return findById(THE_ROW);
    }
}
