package cn.tongyi.core.deadline;

import cn.tongyi.tenant.registry.BranchCode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One kind of deadline the system watches for a branch (ADR 0013): the items past it now. Read with plain SQL on the
 * branch's schema, so HQ can ask every branch in turn.
 */
public interface DeadlineWatch {

    List<Overdue> overdue(BranchCode branch, OffsetDateTime now);
}
