package cn.tongyi.plugin.merchant.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and checks point codes with a branch's key: {@code base64url(memberId|branch|expiresAt|nonce)} + "." +
 * {@code base64url(HMAC-SHA256(key, payload))}, unpadded, under 200 characters: small enough for a QR code a phone
 * shows at the till. The payload is signed, not secret: it names no one but by opaque id.
 */
public final class PointCodeSigner {

    /** Longer than any code this signer writes; anything longer is refused before it is decoded. */
    static final int MAX_LENGTH = 300;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public PointCodeSigner(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A point code key has 32 bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String sign(PointCode code) {
        byte[] payload = String.join("|", code.memberId().toString(), code.branch(),
                Long.toString(code.expiresAt().getEpochSecond()), code.nonce()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The code's content if this key signed it for the branch; empty for anything forged, altered or malformed. */
    public Optional<PointCode> verify(String text, String branch) {
        if (text == null || text.length() > MAX_LENGTH || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(text.substring(0, dot));
            signature = DECODER.decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        // Only this signer's own output gets here, so the fields are well formed: only the branch is left to check.
        if (fields.length != 4 || !fields[1].equals(branch)) {
            return Optional.empty();
        }
        return Optional.of(new PointCode(UUID.fromString(fields[0]), fields[1],
                Instant.ofEpochSecond(Long.parseLong(fields[2])), fields[3]));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
