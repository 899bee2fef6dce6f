package cn.tongyi.plugin.merchant.code;

import cn.tongyi.plugin.api.PluginSql;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The branch's point-code key (32 random bytes), in {@code merchant_alliance_signing_key}, made on first use and never
 * changed afterwards: once read, it is remembered per branch, so that a redemption at the till does not read it again.
 */
final class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, byte[]> REMEMBERED = new ConcurrentHashMap<>();

    private final PluginSql sql;
    private final String branch;

    SigningKeys(PluginSql sql, String branch) {
        this.sql = sql;
        this.branch = branch;
    }

    /** The key, if the branch has issued a code yet. */
    Optional<byte[]> existing() {
        byte[] remembered = REMEMBERED.get(branch);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<byte[]> stored = stored();
        // not made in this transaction (existingOrNew reads its own key through stored()): committed, so final
        stored.ifPresent(key -> REMEMBERED.put(branch, key));
        return stored;
    }

    /** The key, made now if there is none; of two first uses at once, the one that commits first makes it. */
    byte[] existingOrNew(OffsetDateTime now) {
        return existing().orElseGet(() -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            sql.update("""
                    INSERT INTO merchant_alliance_signing_key (id, secret, created_at) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO NOTHING""", secret, now);
            return stored().orElseThrow();
        });
    }

    private Optional<byte[]> stored() {
        return sql.query("SELECT secret FROM merchant_alliance_signing_key WHERE id = 1", row -> row.getBytes(1))
                .stream().findFirst();
    }
}
