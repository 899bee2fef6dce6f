package cn.tongyi.plugin.merchant.welcome;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.sql.Rows;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Members' welcome packs in this branch, in {@code merchant_alliance_welcome_pack}. */
final class WelcomePacks {

    private final PluginContext context;

    WelcomePacks(PluginContext context) {
        this.context = context;
    }

    /** Records the pack once per registration event: a redelivered event records nothing. */
    void record(UUID eventId, UUID memberId) {
        context.sql().update("""
                INSERT INTO merchant_alliance_welcome_pack (event_id, member_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", eventId, memberId, context.time().now());
    }

    /** When the member's first pack was recorded, if they have one. */
    Optional<OffsetDateTime> of(UUID memberId) {
        return context.sql().query("""
                SELECT created_at FROM merchant_alliance_welcome_pack WHERE member_id = ?
                ORDER BY created_at LIMIT 1""", row -> Rows.time(row, "created_at", context.time().zone()), memberId)
                .stream().findFirst();
    }
}
