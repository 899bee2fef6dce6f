package cn.tongyi.core.staff;

import cn.tongyi.tenant.access.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A new staff login created by the branch head, e.g. a steward or a finance officer. */
public record NewStaff(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_.-]{3,40}$", message = "3 to 40 letters, digits, _ . or -")
        String username,
        @NotBlank @Size(max = 60) String displayName,
        @NotBlank @Size(min = 8, max = 72, message = "8 to 72 characters") String password,
        @NotEmpty Set<Role> roles) {

    @Override
    public String toString() {
        return "NewStaff[username=" + username + ", roles=" + roles + "]";
    }
}
