package cn.tongyi.plugin.merchant.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointCodeSignerTest {

    private static final byte[] KEY = key(7);
    private static final Instant EXPIRES = Instant.parse("2026-12-01T02:02:00Z");
    private static final PointCode CODE = new PointCode(UUID.fromString("5a0c7c4e-2f43-4c8e-9d55-0f0e3c9b1a21"),
            "chaoyang", EXPIRES, "q3Zt9xKf0aLm2PwE");

    private final PointCodeSigner signer = new PointCodeSigner(KEY);

    @Test
    @DisplayName("R-MERCHANT-2: a point code signed with the branch's key reads back as it was issued")
    void roundTrip() {
        String text = signer.sign(CODE);

        assertThat(signer.verify(text, "chaoyang")).contains(CODE);
        assertThat(text).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(200);
    }

    @Test
    @DisplayName("R-MERCHANT-2: a code altered to name another member, keeping its signature, is refused")
    void anotherMember() {
        String text = signer.sign(CODE);
        String payload = new String(Base64.getUrlDecoder().decode(text.substring(0, text.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload
                .replace(CODE.memberId().toString(), UUID.randomUUID().toString())
                .getBytes(StandardCharsets.UTF_8)) + text.substring(text.indexOf('.'));

        assertThat(signer.verify(forged, "chaoyang")).isEmpty();
    }

    @Test
    @DisplayName("R-MERCHANT-2: a code with a later expiry, or a changed signature, is refused")
    void tampered() {
        String text = signer.sign(CODE);
        String laterPayload = signer.sign(new PointCode(CODE.memberId(), CODE.branch(), EXPIRES.plusSeconds(3600),
                CODE.nonce()));
        String spliced = laterPayload.substring(0, laterPayload.indexOf('.')) + text.substring(text.indexOf('.'));
        char last = text.charAt(text.length() - 1);
        String flipped = text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(signer.verify(spliced, "chaoyang")).isEmpty();
        assertThat(signer.verify(flipped, "chaoyang")).isEmpty();
    }

    @Test
    @DisplayName("R-MERCHANT-2: a code of another branch (another key, or the branch named) is refused here")
    void anotherBranch() {
        String elsewhere = new PointCodeSigner(key(8)).sign(CODE);
        String namedElsewhere = signer.sign(new PointCode(CODE.memberId(), "haidian", EXPIRES, CODE.nonce()));

        assertThat(signer.verify(elsewhere, "chaoyang")).isEmpty();
        assertThat(signer.verify(namedElsewhere, "chaoyang")).isEmpty();
    }

    @Test
    @DisplayName("R-MERCHANT-2: text that is no code at all is refused without an exception")
    void malformed() {
        String text = signer.sign(CODE);

        assertThat(signer.verify(null, "chaoyang")).isEmpty();
        assertThat(signer.verify("", "chaoyang")).isEmpty();
        assertThat(signer.verify("abc", "chaoyang")).isEmpty();
        assertThat(signer.verify(text + ".x", "chaoyang")).isEmpty();
        assertThat(signer.verify("A.B", "chaoyang")).isEmpty();
        assertThat(signer.verify("有.码", "chaoyang")).isEmpty();
        assertThat(signer.verify("x".repeat(PointCodeSigner.MAX_LENGTH) + "." + "y", "chaoyang")).isEmpty();
    }

    @Test
    @DisplayName("R-MERCHANT-2: a code is good until its expiry and not from that second on")
    void expiry() {
        assertThat(CODE.expiredAt(EXPIRES.minusSeconds(1))).isFalse();
        assertThat(CODE.expiredAt(EXPIRES)).isTrue();
        assertThat(CODE.expiredAt(EXPIRES.plusSeconds(60))).isTrue();
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
