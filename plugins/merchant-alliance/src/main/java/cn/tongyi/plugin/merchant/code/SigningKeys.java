package cn.tongyi.plugin.merchant.code;

import cn.tongyi.plugin.api.PluginSql;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The branch's point-code key (32 random bytes), in {@code merchant_alliance_signing_key}, made on first use. */
final class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PluginSql sql;

    SigningKeys(PluginSql sql) {
        this.sql = sql;
    }

    /** The key, if the branch has issued a code yet. */
    Optional<byte[]> existing() {
        return sql.query("SELECT secret FROM merchant_alliance_signing_key WHERE id = 1", row -> row.getBytes(1))
                .stream().findFirst();
    }

    /** The key, made now if there is none; of two first uses at once, the one that commits first makes it. */
    byte[] existingOrNew(OffsetDateTime now) {
        return existing().orElseGet(() -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            sql.update("""
                    INSERT INTO merchant_alliance_signing_key (id, secret, created_at) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO NOTHING""", secret, now);
            return existing().orElseThrow();
        });
    }
}
