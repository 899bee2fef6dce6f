package cn.tongyi.core.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts personal data at rest with AES-GCM (Google Tink). Each ciphertext is bound to its place, the
 * associated data naming the schema, the table, the row and the field: a ciphertext copied into another row or
 * field fails to decrypt. Lookups go by a keyed hash (HMAC-SHA-256), never by clear text.
 */
@ApplicationScoped
public class PiiVault {

    private final Aead aead;
    private final SecretKeySpec hashKey;

    PiiVault(@ConfigProperty(name = "tongyi.pii.keyset-file") Path keysetFile,
            @ConfigProperty(name = "tongyi.pii.hash-key-file") Path hashKeyFile) {
        try {
            AeadConfig.register();
            this.aead = TinkJsonProtoKeysetFormat
                    .parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            byte[] key = Base64.getDecoder().decode(Files.readString(hashKeyFile).strip());
            if (key.length < 32) {
                throw new IllegalStateException("The PII hash key must have at least 256 bits");
            }
            this.hashKey = new SecretKeySpec(key, "HmacSHA256");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PII keys (TONGYI_PII_KEYSET_FILE, TONGYI_PII_HASH_KEY_FILE)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid PII keyset", e);
        }
    }

    /** Where a ciphertext lives: it decrypts only there. */
    public record Place(String schema, String table, String rowId, String field) {
        byte[] associatedData() {
            return (schema + "/" + table + "/" + rowId + "/" + field).getBytes(StandardCharsets.UTF_8);
        }
    }

    public byte[] seal(String clear, Place place) {
        if (clear == null) {
            return null;
        }
        try {
            return aead.encrypt(clear.getBytes(StandardCharsets.UTF_8), place.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String open(byte[] sealed, Place place) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(sealed, place.associatedData()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A ciphertext does not belong to " + place, e);
        }
    }

    /** A keyed hash for finding duplicates, separated by kind so that equal values of two kinds do not collide. */
    public String fingerprint(String kind, String normalizedValue) {
        return keyedDigest(kind, normalizedValue.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A keyed hash (HMAC-SHA-256) of content that may hold secrets, such as a request body with a password or an ID
     * number: without the key, a copy of the digest cannot be checked against guesses.
     */
    public String keyedDigest(String purpose, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update((purpose + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
