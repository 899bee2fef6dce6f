package cn.tongyi.core.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a member's clear private data (R-MEMBER-3). */
@Entity
@Table(name = "pii_access_log")
public class PiiAccessLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public String fields;

    @Column(nullable = false)
    public String reason;

    @Column(name = "accessed_at", nullable = false)
    public OffsetDateTime accessedAt;
}
