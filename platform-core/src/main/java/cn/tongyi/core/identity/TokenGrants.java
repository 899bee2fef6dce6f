package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.Role;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's grants as the token states them. A grant changed after login takes effect at the next login, at
 * most one token lifetime later.
 */
@RequestScoped
public class TokenGrants implements CallerGrants {

    private final JsonWebToken token;
    private final VerifiedTokens verifiedTokens;
    private Map<String, Set<Role>> grants;

    TokenGrants(JsonWebToken token, VerifiedTokens verifiedTokens) {
        this.token = token;
        this.verifiedTokens = verifiedTokens;
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
        return grants().getOrDefault(branchCode, Set.of());
    }

    @Override
    public boolean holdsAnywhere(Role role) {
        return grants().values().stream().anyMatch(roles -> roles.contains(role));
    }

    private Map<String, Set<Role>> grants() {
        if (grants == null) {
            grants = authenticated() ? verifiedTokens.grantsOf(token) : Map.of();
        }
        return grants;
    }
}
