package cn.tongyi.core.deadline;

import cn.tongyi.tenant.access.Role;
import java.time.OffsetDateTime;

/**
 * An item past one of the clocks the system watches: which clock ({@code COMPLAINT_CONTACT}, …), the item's public
 * id, when it was due and the role that owns it.
 */
public record Overdue(String branch, String clock, String item, OffsetDateTime dueAt, Role owner) {
}
