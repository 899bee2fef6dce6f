package cn.tongyi.tenant.provisioning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The first login of a new branch: its head. */
public record HeadAccount(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_.-]{3,40}$", message = "3 to 40 letters, digits, _ . or -")
        String username,
        @NotBlank @Size(max = 60) String displayName,
        @NotBlank @Size(min = 8, max = 72, message = "8 to 72 characters") String password) {

    @Override
    public String toString() {
        return "HeadAccount[username=" + username + ", displayName=" + displayName + "]";
    }
}
