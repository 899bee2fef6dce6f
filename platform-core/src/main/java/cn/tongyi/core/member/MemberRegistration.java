package cn.tongyi.core.member;

import cn.tongyi.core.building.Building;
import cn.tongyi.core.event.DomainEvents;
import cn.tongyi.core.identity.Person;
import cn.tongyi.core.identity.PersonHeadAccounts;
import cn.tongyi.core.identity.RoleGrant;
import cn.tongyi.core.privacy.ChineseIdNumber;
import cn.tongyi.core.privacy.PhoneNumber;
import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * R-MEMBER-1: registers a member, online by the person themself or offline by a steward from the paper form.
 * ID and phone numbers are validated and must be new to the whole alliance; they are found by keyed hash only.
 */
@ApplicationScoped
public class MemberRegistration {

    /** A login for an online registration; steward-entered members may have none. */
    public record Login(String username, String password) {
    }

    /** How the registration came in: online by the member, or on paper through a steward. */
    public record Source(Member.Channel channel, String paperFormNo, String enteredBy, UUID referrerId) {
    }

    private final PiiVault vault;
    private final MemberPrivateData privateData;
    private final CurrentBranch currentBranch;
    private final BusinessClock clock;
    private final DomainEvents events;

    MemberRegistration(PiiVault vault, MemberPrivateData privateData, CurrentBranch currentBranch,
            BusinessClock clock, DomainEvents events) {
        this.vault = vault;
        this.privateData = privateData;
        this.currentBranch = currentBranch;
        this.clock = clock;
        this.events = events;
    }

    /** Everything {@link #register} checks, without writing: for validating a whole file before importing it. */
    public void check(MemberDetails details) {
        ValidatedContact contact = validate(details, false);
        requireFree(MemberFingerprint.ID_NUMBER, contact.idNumber().value());
        if (contact.phone() != null) {
            requireFree(MemberFingerprint.PHONE, contact.phone());
        }
    }

    @Transactional
    public Member register(MemberDetails details, Optional<Login> login, Source source) {
        String branch = currentBranch.require().value();
        ValidatedContact contact = validate(details, login.isPresent());
        if (source.referrerId() != null && Member.findByIdOptional(source.referrerId()).isEmpty()) {
            throw ApiProblem.invalidField("unknown-referrer", "referrerId", "No member " + source.referrerId() + " in this branch");
        }
        login.ifPresent(l -> {
            if (Person.byUsername(l.username()).isPresent()) {
                throw PersonHeadAccounts.usernameTaken(l.username());
            }
        });
        Member member = new Member();
        member.id = UUID.randomUUID();
        claimFingerprint(MemberFingerprint.ID_NUMBER, contact.idNumber().value(), branch, member.id);
        if (contact.phone() != null) {
            claimFingerprint(MemberFingerprint.PHONE, contact.phone(), branch, member.id);
        }
        Person person = login.map(l -> Person.create(member.id, l.username(), details.name(), l.password()))
                .orElseGet(() -> Person.withoutLogin(member.id, details.name()));
        person.homeBranch = branch;
        RoleGrant.grant(person.id, branch, Role.MEMBER, source.enteredBy() != null ? source.enteredBy() : "self");

        member.personId = person.id;
        member.name = details.name().strip();
        member.buildingId = details.buildingId();
        member.unit = details.unit();
        member.birthDate = contact.idNumber().birthDate();
        member.channel = source.channel();
        member.paperFormNo = source.paperFormNo();
        member.enteredBy = source.enteredBy();
        member.referrerId = source.referrerId();
        member.registeredAt = clock.now();
        privateData.seal(member, contact.clear(details));
        member.persist();
        events.raise(currentBranch.require(), DomainEvent.MEMBER_REGISTERED,
                Map.of("memberId", member.id.toString(), "channel", member.channel.name()));
        return member;
    }

    /** Changes contact data; a new phone number must be new to the alliance too. */
    @Transactional
    public void updateContact(Member member, String phone, String address, MemberDetails.EmergencyContact emergency) {
        MemberPrivateData.Clear current = privateData.open(member);
        String newPhone = phone == null ? null : requirePhone(phone, "phone");
        if (newPhone != null && !newPhone.equals(current.phone())) {
            if (current.phone() != null) {
                MemberFingerprint.delete("kind = ?1 and hash = ?2", MemberFingerprint.PHONE,
                        vault.fingerprint(MemberFingerprint.PHONE, current.phone()));
            }
            claimFingerprint(MemberFingerprint.PHONE, newPhone, currentBranch.require().value(), member.id);
        }
        privateData.seal(member, new MemberPrivateData.Clear(newPhone != null ? newPhone : current.phone(),
                current.idNumber(), address != null ? address.strip() : current.address(),
                emergency != null ? emergency.name().strip() : current.emergencyName(),
                emergency != null ? requirePhone(emergency.phone(), "emergencyContact.phone")
                        : current.emergencyPhone()));
    }

    private record ValidatedContact(ChineseIdNumber idNumber, String phone, String emergencyPhone) {
        MemberPrivateData.Clear clear(MemberDetails details) {
            return new MemberPrivateData.Clear(phone, idNumber.value(), details.address().strip(),
                    details.emergencyContact() == null ? null : details.emergencyContact().name().strip(),
                    emergencyPhone);
        }
    }

    private ValidatedContact validate(MemberDetails details, boolean phoneRequired) {
        ChineseIdNumber id = ChineseIdNumber.parse(details.idNumber())
                .orElseThrow(() -> ApiProblem.invalidField("invalid-id-number", "idNumber",
                        "Not a valid resident identity card number (18 characters, GB 11643 check digit)"));
        if (phoneRequired && (details.phone() == null || details.phone().isBlank())) {
            throw ApiProblem.invalidField("invalid-phone", "phone", "Online registration needs a mobile phone number");
        }
        String phone = details.phone() == null || details.phone().isBlank() ? null : requirePhone(details.phone(), "phone");
        String emergencyPhone = details.emergencyContact() == null ? null
                : requirePhone(details.emergencyContact().phone(), "emergencyContact.phone");
        Building building = Building.<Building>findByIdOptional(details.buildingId())
                .orElseThrow(() -> ApiProblem.invalidField("unknown-building", "buildingId",
                        "No building " + details.buildingId()));
        if (details.unit() > building.units) {
            throw ApiProblem.invalidField("unknown-unit", "unit", building.name + " has " + building.units + " units");
        }
        return new ValidatedContact(id, phone, emergencyPhone);
    }

    private static String requirePhone(String raw, String field) {
        return PhoneNumber.normalize(raw)
                .orElseThrow(() -> ApiProblem.invalidField("invalid-phone", field, "Not a mainland mobile number (11 digits)"));
    }

    private void requireFree(String kind, String value) {
        MemberFingerprint.<MemberFingerprint>find("kind = ?1 and hash = ?2", kind, vault.fingerprint(kind, value))
                .firstResultOptional().ifPresent(existing -> {
                    throw new DuplicateMember(kind, existing);
                });
    }

    private void claimFingerprint(String kind, String value, String branch, UUID memberId) {
        requireFree(kind, value);
        String hash = vault.fingerprint(kind, value);
        MemberFingerprint fingerprint = new MemberFingerprint();
        fingerprint.kind = kind;
        fingerprint.hash = hash;
        fingerprint.branchCode = branch;
        fingerprint.memberId = memberId;
        fingerprint.persist();
    }
}
