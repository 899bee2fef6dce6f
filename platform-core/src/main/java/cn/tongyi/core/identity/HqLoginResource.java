package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import cn.tongyi.tenant.access.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * HQ finds a login by username and resets its password when its owner lost it: a made-up password, shown once in the
 * answer, which the owner is asked to replace at the next login. HQ logins are not reset here: their owners change
 * their own, and an operator resets the first admin's with the {@code reset-admin-password} command.
 */
@Path("/api/admin/logins")
@RolesAllowed("HQ_ADMIN")
@Tag(name = "HQ: logins", description = "HQ: find a branch login and reset its lost password")
public class HqLoginResource {

    private static final Logger LOG = Logger.getLogger(HqLoginResource.class);

    public record Login(UUID id, String username, String displayName, Map<String, Set<Role>> grants,
            boolean passwordChangeRequired) {
    }

    public record Reset(UUID id, String username, String temporaryPassword) {
        @Override
        public String toString() {
            return "Reset[username=" + username + "]";
        }
    }

    private final PersonIds personIds;
    private final CurrentPerson hq;
    private final BusinessClock clock;

    HqLoginResource(PersonIds personIds, CurrentPerson hq, BusinessClock clock) {
        this.personIds = personIds;
        this.hq = hq;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The login with this username, with its grants")
    public List<Login> find(@QueryParam("username") @NotBlank @Size(max = 40) String username) {
        return Person.byUsername(username).map(p -> List.of(new Login(p.publicId, p.username, p.displayName,
                RoleGrant.byBranch(p.id), p.mustChangePassword()))).orElse(List.of());
    }

    @POST
    @Path("/{personId}/password-reset")
    @Transactional
    @Operation(summary = "Reset a branch login's password to a made-up one, shown once; its owner replaces it at the "
            + "next login")
    public Reset reset(@PathParam("personId") UUID personId) {
        Person person = Person.<Person>findByIdOptional(personIds.require(personId))
                .filter(p -> p.username != null)
                .orElseThrow(() -> PersonIds.notFound(personId));
        if (person.hqAdmin) {
            throw ApiProblem.forbidden("hq-login", "HQ logins change their own password; the operator resets admin's");
        }
        String temporary = NewPasswords.random();
        person.setPassword(temporary, clock.now(), hq.require().username);
        LOG.infof("HQ %s reset the password of %s", hq.require().username, person.username);
        return new Reset(person.publicId, person.username, temporary);
    }
}
