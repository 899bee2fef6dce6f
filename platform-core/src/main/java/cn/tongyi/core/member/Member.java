package cn.tongyi.core.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A resident registered with a branch (R-MEMBER-1). Phone, ID number, address detail and emergency contact are
 * stored only as ciphertexts bound to this row; see {@link MemberPrivateData}.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    public enum Channel {
        ONLINE,
        STEWARD
    }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(nullable = false)
    public String name;

    @Column(name = "building_id", nullable = false)
    public Long buildingId;

    @Column(nullable = false)
    public int unit;

    @Column(name = "address_enc", nullable = false)
    public byte[] addressEnc;

    @Column(name = "phone_enc")
    public byte[] phoneEnc;

    @Column(name = "id_number_enc", nullable = false)
    public byte[] idNumberEnc;

    @Column(name = "emergency_name_enc")
    public byte[] emergencyNameEnc;

    @Column(name = "emergency_phone_enc")
    public byte[] emergencyPhoneEnc;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_channel", nullable = false)
    public Channel channel;

    @Column(name = "paper_form_no")
    public String paperFormNo;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "referrer_id")
    public UUID referrerId;

    @Column(name = "frozen_until")
    public LocalDate frozenUntil;

    @Column(name = "freeze_reason")
    public String freezeReason;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    public boolean revoked() {
        return revokedAt != null;
    }

    /** R-MEMBER-8, R-SERVICE-9: a frozen member may not post requests until the day after {@code frozenUntil}. */
    public boolean frozenOn(LocalDate day) {
        return frozenUntil != null && !day.isAfter(frozenUntil);
    }
}
