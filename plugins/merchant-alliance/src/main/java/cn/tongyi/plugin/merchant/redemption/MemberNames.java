package cn.tongyi.plugin.merchant.redemption;

import cn.tongyi.plugin.api.MemberDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Members' masked names (王**) for the lines of one answer, each member looked up once. */
public final class MemberNames {

    /** Shown for a member the directory no longer knows (a revoked membership). */
    static final String UNKNOWN = "—";

    private final MemberDirectory members;
    private final Map<UUID, String> names = new HashMap<>();

    public MemberNames(MemberDirectory members) {
        this.members = members;
    }

    public String of(UUID memberId) {
        return names.computeIfAbsent(memberId,
                id -> members.find(id).map(MemberDirectory.MemberSummary::maskedName).orElse(UNKNOWN));
    }
}
