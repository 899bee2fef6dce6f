package cn.tongyi.plugin.merchant.code;

import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.merchant.MerchantAllianceSettings;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** The point codes of the context's branch: issued to a member, read back at the till. */
public final class PointCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PluginContext context;
    private final SigningKeys keys;

    public PointCodes(PluginContext context) {
        this.context = context;
        this.keys = new SigningKeys(context.sql(), context.branch());
    }

    /** A new single-use code for the member, good for the branch's code lifetime from now. */
    public IssuedCode issue(UUID memberId) {
        OffsetDateTime now = context.time().now();
        Instant expiresAt = now.toInstant().plus(MerchantAllianceSettings.codeLifetime(context))
                .truncatedTo(ChronoUnit.SECONDS);
        PointCode code = new PointCode(memberId, context.branch(), expiresAt, nonce());
        return new IssuedCode(new PointCodeSigner(keys.existingOrNew(now)).sign(code),
                expiresAt.atZone(context.time().zone()).toOffsetDateTime(), memberId);
    }

    /** What the text says, if this branch signed it; empty for anything forged, altered, or from elsewhere. */
    public Optional<PointCode> read(String text) {
        return keys.existing().flatMap(key -> new PointCodeSigner(key).verify(text, context.branch()));
    }

    private static String nonce() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }
}
