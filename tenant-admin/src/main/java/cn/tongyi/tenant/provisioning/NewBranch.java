package cn.tongyi.tenant.provisioning;

import cn.tongyi.tenant.registry.BranchCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What HQ gives to onboard a branch. */
public record NewBranch(
        @NotBlank @Pattern(regexp = BranchCode.FORMAT_REGEX,
                message = "2 to 31 characters: a lower-case letter, then lower-case letters, digits or _") String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 200) String address,
        @NotNull @Valid HeadAccount head) {
}
