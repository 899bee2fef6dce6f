package cn.tongyi.core.identity;

import cn.tongyi.tenant.access.Role;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

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

    public record Me(UUID id, String username, String displayName, boolean hqAdmin, String homeBranch,
            Map<String, Set<Role>> grants) {
    }

    public record PasswordChange(@NotBlank @Size(max = 72) String currentPassword,
            @NotBlank @Size(max = 72) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    private final LoginService logins;
    private final CurrentPerson currentPerson;
    private final HttpServerRequest request;

    AuthResource(LoginService logins, CurrentPerson currentPerson, HttpServerRequest request) {
        this.logins = logins;
        this.currentPerson = currentPerson;
        this.request = request;
    }

    @POST
    @Path("/auth/login")
    @SecurityRequirement(name = "none")
    @Operation(summary = "Exchange a username and password for an access token; a client that keeps failing waits "
            + "longer each time (429 with Retry-After)")
    public TokenIssuer.AccessToken login(@Valid @NotNull Credentials credentials) {
        return logins.login(client(), credentials.username(), credentials.password());
    }

    @POST
    @Path("/me/password")
    @Authenticated
    @Operation(summary = "Change my password, giving the current one")
    public RestResponse<Void> changePassword(@Valid @NotNull PasswordChange change) {
        logins.changePassword(client(), currentPerson.id(), change.currentPassword(), change.newPassword());
        return RestResponse.noContent();
    }

    private String client() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller: person, HQ flag and current grants")
    public Me me() {
        Person person = currentPerson.require();
        return new Me(person.publicId, person.username, person.displayName, person.hqAdmin, person.homeBranch,
                RoleGrant.byBranch(person.id));
    }
}
