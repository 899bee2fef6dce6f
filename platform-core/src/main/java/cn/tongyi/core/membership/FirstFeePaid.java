package cn.tongyi.core.membership;

import cn.tongyi.tenant.registry.BranchCode;
import java.util.UUID;

/** Fired in the paying transaction when a member's very first fee is recorded (R-MEMBER-4 rewards referrers). */
public record FirstFeePaid(BranchCode branch, UUID memberId, Long personId, UUID referrerId) {
}
