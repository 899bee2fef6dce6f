package cn.tongyi.tenant.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A branch of the alliance: one tenant, one PostgreSQL schema. */
@Entity
@Table(schema = "platform", name = "branch")
public class Branch extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BranchStatus status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    public static Optional<Branch> byCode(String code) {
        return findByIdOptional(code);
    }

    public BranchCode branchCode() {
        return new BranchCode(code);
    }
}
