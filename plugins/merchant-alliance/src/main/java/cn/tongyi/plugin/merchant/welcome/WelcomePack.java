package cn.tongyi.plugin.merchant.welcome;

import cn.tongyi.plugin.merchant.handbook.HandbookEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A member's welcome pack (R-MEMBER-2): the branch's welcome offer, how points are used, and the merchants where they
 * may use them today.
 */
public record WelcomePack(UUID memberId, String branch, OffsetDateTime createdAt, String offer, String pointUse,
        List<HandbookEntry> merchants) {
}
