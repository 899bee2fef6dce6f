package cn.tongyi.core.member;

import cn.tongyi.core.privacy.Masks;
import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.core.privacy.PiiVault.Place;
import cn.tongyi.tenant.access.CurrentBranch;
import jakarta.enterprise.context.ApplicationScoped;

/** Seals a member's private data into their row, and opens or masks it for display. */
@ApplicationScoped
public class MemberPrivateData {

    public record Clear(String phone, String idNumber, String address, String emergencyName, String emergencyPhone) {

        public Clear masked() {
            return new Clear(Masks.phone(phone), Masks.idNumber(idNumber), Masks.text(address),
                    Masks.name(emergencyName), Masks.phone(emergencyPhone));
        }
    }

    private final PiiVault vault;
    private final CurrentBranch currentBranch;

    MemberPrivateData(PiiVault vault, CurrentBranch currentBranch) {
        this.vault = vault;
        this.currentBranch = currentBranch;
    }

    public void seal(Member member, Clear clear) {
        member.phoneEnc = vault.seal(clear.phone(), place(member, "phone"));
        member.idNumberEnc = vault.seal(clear.idNumber(), place(member, "id_number"));
        member.addressEnc = vault.seal(clear.address(), place(member, "address"));
        member.emergencyNameEnc = vault.seal(clear.emergencyName(), place(member, "emergency_name"));
        member.emergencyPhoneEnc = vault.seal(clear.emergencyPhone(), place(member, "emergency_phone"));
    }

    public Clear open(Member member) {
        return new Clear(vault.open(member.phoneEnc, place(member, "phone")),
                vault.open(member.idNumberEnc, place(member, "id_number")),
                vault.open(member.addressEnc, place(member, "address")),
                vault.open(member.emergencyNameEnc, place(member, "emergency_name")),
                vault.open(member.emergencyPhoneEnc, place(member, "emergency_phone")));
    }

    private Place place(Member member, String field) {
        return new Place(currentBranch.require().schemaName(), "member", member.id.toString(), field);
    }
}
