package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser Quarkus authenticates with (SmallRye's, in its place), remembering each access token it verified
 * until the token expires. A client sends the same token with every request for its lifetime; checking its RSA
 * signature and parsing its JSON each time was a tenth of the CPU of a request (ADR 0008). The cache is keyed by the whole token, signature
 * included, so a token differing in a single character is verified afresh; tokens that fail are never remembered.
 * The grants claim is read into roles once per token too.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** Enough for every concurrently active staff member and member of a large deployment's pod. */
    private static final int CAPACITY = 10_000;

    /** A verified token and the grants it states, read from its claims once. */
    private record Verified(JsonWebToken token, Map<String, Set<Role>> grants) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfter(Expiry.<String, Verified>creating((raw, entry) -> untilExpiry(entry.token())))
            .build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            return known.token();
        }
        JsonWebToken parsed = super.parse(token);
        verified.put(token, new Verified(parsed, grantsIn(parsed)));
        return parsed;
    }

    /** The grants an authenticated request's token states: {branch code: roles}. */
    Map<String, Set<Role>> grantsOf(JsonWebToken token) {
        Verified known = verified.getIfPresent(token.getRawToken());
        return known != null ? known.grants() : grantsIn(token);
    }

    private static Map<String, Set<Role>> grantsIn(JsonWebToken token) {
        JsonObject claim = token.getClaim(TokenIssuer.GRANTS_CLAIM);
        if (claim == null) {
            return Map.of();
        }
        Map<String, Set<Role>> grants = new HashMap<>();
        claim.forEach((branch, roles) -> {
            Set<Role> held = EnumSet.noneOf(Role.class);
            if (roles instanceof JsonArray array) {
                for (JsonValue role : array) {
                    if (role instanceof JsonString name) {
                        held.add(Role.valueOf(name.getString()));
                    }
                }
            }
            grants.put(branch, Collections.unmodifiableSet(held));
        });
        return Map.copyOf(grants);
    }

    private static Duration untilExpiry(JsonWebToken token) {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
