package cn.tongyi.core.staff;

import cn.tongyi.tenant.access.Role;
import java.util.Set;

/** A person holding roles in a branch, as the branch head sees them. */
public record StaffMember(Long personId, String username, String displayName, Set<Role> roles) {
}
