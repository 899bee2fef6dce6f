package cn.tongyi.core.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a registration form holds (the app's or the paper 会员登记表). Role, level, balance and status are not part
 * of it: a client cannot set them.
 */
public record MemberDetails(
        @NotBlank @Size(max = 40) String name,
        @Size(max = 20) String phone,
        @NotBlank @Size(max = 18) String idNumber,
        @NotNull Long buildingId,
        @NotNull @Min(1) @Max(99) Integer unit,
        @NotBlank @Size(max = 100) String address,
        @Valid EmergencyContact emergencyContact) {

    public record EmergencyContact(@NotBlank @Size(max = 40) String name, @NotBlank @Size(max = 20) String phone) {
    }

    @Override
    public String toString() {
        return "MemberDetails[name=" + name + ", buildingId=" + buildingId + "]";
    }
}
