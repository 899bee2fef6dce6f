package cn.tongyi.core.member;

import cn.tongyi.core.membership.MembershipType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member's record as the caller may see it: in clear, named (private data masked) or masked down to the name. */
public record MemberView(
        UUID id,
        String name,
        Long buildingId,
        String buildingName,
        Integer unit,
        String address,
        String phone,
        String idNumber,
        LocalDate birthDate,
        EmergencyContactView emergencyContact,
        boolean privateDataInClear,
        MemberStatus status,
        LocalDate frozenUntil,
        MembershipView membership,
        long voucherMinutes,
        int level,
        List<Benefit> benefits,
        Registration registration) {

    public record EmergencyContactView(String name, String phone) {
    }

    public record Benefit(int level, String zh, String en) {
    }

    public record MembershipView(MembershipType type, LocalDate startsOn, LocalDate endsOn, boolean foundingBenefit) {
    }

    public record Registration(Member.Channel channel, String paperFormNo, String enteredBy, UUID referrerId,
            OffsetDateTime registeredAt) {
    }
}
