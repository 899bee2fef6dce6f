package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.Role;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the RS256 access token: the person, the HQ flag and the grants {branch: [roles]}. */
@ApplicationScoped
public class TokenIssuer {

    public static final String GRANTS_CLAIM = "grants";
    public static final String HQ_CLAIM = "hq";

    private final String issuer;
    private final String audience;
    private final long lifetimeSeconds;

    TokenIssuer(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
            @ConfigProperty(name = "tongyi.jwt.lifetime-seconds") long lifetimeSeconds) {
        this.issuer = issuer;
        this.audience = audience;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    /** The token, and whether the login should choose a new password first (after a reset by HQ). */
    public record AccessToken(String accessToken, String tokenType, long expiresIn, boolean passwordChangeRequired) {
    }

    public AccessToken issue(Person person) {
        return issue(person, lifetimeSeconds);
    }

    /** A token of another lifetime: the browser session's, which is renewed while the person is active. */
    public AccessToken issue(Person person, long lifetimeSeconds) {
        Map<String, List<String>> grants = RoleGrant.byBranch(person.id).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(Role::name).sorted().toList()));
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(person.publicId.toString())
                .upn(person.username)
                .claim("name", person.displayName)
                .claim(HQ_CLAIM, person.hqAdmin)
                .claim(GRANTS_CLAIM, grants)
                .groups(person.hqAdmin ? Set.of(Role.HQ_ADMIN.name()) : Set.of())
                .expiresIn(lifetimeSeconds)
                .jws()
                .keyId("tongyi")
                .sign();
        return new AccessToken(token, "Bearer", lifetimeSeconds, person.mustChangePassword());
    }
}
