package cn.tongyi.core.privacy;

import cn.tongyi.web.ApiProblem;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ids clients see for rows the tables number in sequence (transfers, requests, messages…): the bigint and its
 * kind encrypted as one AES block under a key derived from the PII hash key, base64url, 22 characters. Without the
 * key nobody can count a branch's business from its ids, guess a neighbour's, or pass a request's id as a
 * transfer's; a token that was not issued here opens to nothing, which callers answer as not found.
 */
@ApplicationScoped
public class OpaqueIds {

    /** What an id numbers; the tag is sealed into the token, so an id of one kind never opens as another. */
    public enum Kind {
        TRANSFER(1, "transfer-not-found", "transfer"),
        DISPUTE(2, "dispute-not-found", "dispute"),
        SERVICE_REQUEST(3, "request-not-found", "service request"),
        EVIDENCE(4, "evidence-not-found", "evidence"),
        MESSAGE(5, "message-not-found", "message");

        private final byte tag;
        private final String notFound;
        private final String noun;

        Kind(int tag, String notFound, String noun) {
            this.tag = (byte) tag;
            this.notFound = notFound;
            this.noun = noun;
        }
    }

    private static final int BLOCK = 16;
    private static final int TOKEN_LENGTH = 22;

    private final SecretKeySpec key;

    OpaqueIds(PiiVault vault) {
        this.key = new SecretKeySpec(HexFormat.of().parseHex(vault.keyedDigest("opaque-ids-v1", new byte[0])), "AES");
    }

    /** For serializers Jackson creates itself. */
    public static OpaqueIds current() {
        return Arc.container().instance(OpaqueIds.class).get();
    }

    public String seal(Kind kind, long id) {
        byte[] block = ByteBuffer.allocate(BLOCK).putLong(id).put(kind.tag).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(crypt(Cipher.ENCRYPT_MODE, block));
    }

    /** The id a token of this kind stands for; empty for anything this platform did not issue as that kind. */
    public Optional<Long> open(Kind kind, String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ByteBuffer block = ByteBuffer.wrap(crypt(Cipher.DECRYPT_MODE, sealed));
        long id = block.getLong();
        if (id <= 0 || block.get() != kind.tag) {
            return Optional.empty();
        }
        while (block.hasRemaining()) {
            if (block.get() != 0) {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }

    /** The id named in a request; 404 ({@code transfer-not-found}, …) when the token is not one of this kind. */
    public long require(Kind kind, String token) {
        return open(kind, token).orElseThrow(() -> notFound(kind));
    }

    /**
     * Where the next page of a newest-first list starts, below the row {@code cursor} names (the last one shown);
     * {@code Long.MAX_VALUE} without one; 400 {@code invalid-cursor} for a cursor this API did not return.
     */
    public long below(Kind kind, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return open(kind, cursor).orElseThrow(
                () -> ApiProblem.badRequest("invalid-cursor", "The cursor is not one this API returned"));
    }

    /** The first characters of an opaque id, a handle staff can read out on the phone ("#kq3Xz9Ab"). */
    public static String shortForm(String opaqueId) {
        return opaqueId.substring(0, 8);
    }

    /** The refusal for a token that opens but names no row the caller may see, alike to one that does not open. */
    public static ApiProblem notFound(Kind kind) {
        return ApiProblem.notFound(kind.notFound, "No such " + kind.noun);
    }

    private byte[] crypt(int mode, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, key);
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
