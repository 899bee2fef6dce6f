package cn.tongyi.core.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two secrets that protect personal data: a Tink AES-256-GCM keyset (JSON) for encryption, and a 256-bit key
 * (Base64) for the keyed hashes used to find duplicates. Production mounts both from a Secret; a first local run
 * generates them once.
 */
public final class PiiKeys {

    public static final String KEYSET_FILE = "pii-keyset.json";
    public static final String HASH_KEY_FILE = "pii-hash.key";

    private PiiKeys() {
    }

    public record KeyFiles(Path keyset, Path hashKey) {
    }

    public static KeyFiles ensure(Path dir) {
        KeyFiles files = new KeyFiles(dir.resolve(KEYSET_FILE), dir.resolve(HASH_KEY_FILE));
        try {
            Files.createDirectories(dir);
            if (!Files.exists(files.keyset())) {
                AeadConfig.register();
                KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                writeSecret(files.keyset(),
                        TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            }
            if (!Files.exists(files.hashKey())) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeSecret(files.hashKey(), Base64.getEncoder().encodeToString(key) + "\n");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
