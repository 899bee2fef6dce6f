package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's grants as the token states them. A grant changed after login takes effect at the next login, at
 * most one token lifetime later.
 */
@RequestScoped
public class TokenGrants implements CallerGrants {

    private final JsonWebToken token;

    TokenGrants(JsonWebToken token) {
        this.token = token;
    }

    @Override
    public boolean authenticated() {
        return token.getSubject() != null;
    }

    @Override
    public String username() {
        return token.getName();
    }

    @Override
    public Set<Role> rolesIn(String branchCode) {
        JsonObject grants = token.getClaim(TokenIssuer.GRANTS_CLAIM);
        if (grants == null || !(grants.get(branchCode) instanceof JsonArray roles)) {
            return Set.of();
        }
        return roles(roles);
    }

    @Override
    public boolean holdsAnywhere(Role role) {
        JsonObject grants = token.getClaim(TokenIssuer.GRANTS_CLAIM);
        return grants != null && grants.values().stream()
                .anyMatch(roles -> roles instanceof JsonArray array && roles(array).contains(role));
    }

    private static Set<Role> roles(JsonArray roles) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        for (JsonValue role : roles) {
            if (role instanceof JsonString name) {
                result.add(Role.valueOf(name.getString()));
            }
        }
        return result;
    }
}
