package cn.tongyi.core.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The keyed hash of a member's ID or phone number, unique across the alliance (R-MEMBER-1). */
@Entity
@Table(schema = "platform", name = "member_fingerprint")
@IdClass(MemberFingerprint.Key.class)
public class MemberFingerprint extends PanacheEntityBase {

    public static final String ID_NUMBER = "ID_NUMBER";
    public static final String PHONE = "PHONE";

    public record Key(String kind, String hash) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String kind;

    @Id
    public String hash;

    @Column(name = "branch_code", nullable = false)
    public String branchCode;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;
}
