package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.Role;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Log in for an access token; see who you are. */
@Path("/api")
@Tag(name = "Authentication")
public class AuthResource {

    public record Credentials(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 72) String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    public record Me(Long id, String username, String displayName, boolean hqAdmin, String homeBranch,
            Map<String, Set<Role>> grants) {
    }

    private final LoginService logins;
    private final CurrentPerson currentPerson;

    AuthResource(LoginService logins, CurrentPerson currentPerson) {
        this.logins = logins;
        this.currentPerson = currentPerson;
    }

    @POST
    @Path("/auth/login")
    @SecurityRequirement(name = "none")
    @Operation(summary = "Exchange a username and password for an access token")
    public TokenIssuer.AccessToken login(@Valid @NotNull Credentials credentials) {
        return logins.login(credentials.username(), credentials.password());
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller: person, HQ flag and current grants")
    public Me me() {
        Person person = currentPerson.require();
        return new Me(person.id, person.username, person.displayName, person.hqAdmin, person.homeBranch,
                RoleGrant.byBranch(person.id));
    }
}
