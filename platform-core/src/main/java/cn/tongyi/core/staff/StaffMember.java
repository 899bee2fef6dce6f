package cn.tongyi.core.staff;

import cn.tongyi.tenant.access.Role;
import java.util.Set;
import java.util.UUID;

/** A person holding roles in a branch, as the branch head sees them; {@code id} is the person's public id. */
public record StaffMember(UUID id, String username, String displayName, Set<Role> roles) {
}
