package cn.tongyi.tenant.setup;

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

/** One item of a branch's set-up checklist, ticked by the branch head, read by HQ. */
@Entity
@Table(schema = "platform", name = "branch_setup_item")
public class SetupChecklistEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "branch_code", nullable = false)
    public String branchCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SetupItem item;

    @Column(nullable = false)
    public boolean done;

    public String note;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
