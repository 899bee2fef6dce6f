package cn.tongyi.core.bootstrap;

import cn.tongyi.core.privacy.PiiKeys;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Starts the platform. Without {@code TONGYI_DB_URL} it first starts an embedded PostgreSQL under the data
 * directory, and without configured keys (token signing, personal data) it generates them there: a fresh machine
 * needs no set-up.
 */
@QuarkusMain
public final class TongyiMain {

    private TongyiMain() {
    }

    public static void main(String... args) {
        Path dataDir = Path.of(setting("TONGYI_DATA_DIR", "data")).toAbsolutePath();
        if (setting("TONGYI_DB_URL", "").isBlank()) {
            EmbeddedDatabase database = EmbeddedDatabase.durable(dataDir.resolve("pg"));
            System.setProperty("TONGYI_DB_URL", database.jdbcUrl());
            System.setProperty("TONGYI_DB_USER", database.user());
            System.setProperty(WelcomeMessage.EMBEDDED_DATA_DIR, dataDir.resolve("pg").toString());
        }
        if (setting("TONGYI_JWT_PRIVATE_KEY_FILE", "").isBlank()) {
            LocalKeys.JwtKeyFiles keys = LocalKeys.ensureJwtKeys(dataDir.resolve("keys"));
            System.setProperty("TONGYI_JWT_PRIVATE_KEY_FILE", keys.privateKey().toString());
            System.setProperty("TONGYI_JWT_PUBLIC_KEY_FILE", keys.publicKey().toString());
        }
        if (setting("TONGYI_PII_KEYSET_FILE", "").isBlank()) {
            PiiKeys.KeyFiles keys = PiiKeys.ensure(dataDir.resolve("keys"));
            System.setProperty("TONGYI_PII_KEYSET_FILE", keys.keyset().toString());
            System.setProperty("TONGYI_PII_HASH_KEY_FILE", keys.hashKey().toString());
        }
        Quarkus.run(TongyiApplication.class, args);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name, fallback);
    }
}
