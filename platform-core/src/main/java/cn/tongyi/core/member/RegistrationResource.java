package cn.tongyi.core.member;

import cn.tongyi.core.identity.Passwords;
import cn.tongyi.core.identity.Person;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.ApiProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Online self-registration (R-MEMBER-1): a resident creates a login and applies to a home branch that is open
 * (PREPARING or ACTIVE). The branch is named in the body, since the caller has no grant anywhere yet. Whatever becomes
 * of it, a well-formed registration gets the same answer, so that nobody can test whether an ID number, a phone number
 * or a username is registered: a new member logs in with the username and password they chose; a registration that
 * collided with an existing member or login stores nothing, and an existing member is told in their own inbox.
 * Registrations are limited per client address.
 */
@Path("/api/member-registrations")
@Tag(name = "Members")
public class RegistrationResource {

    public record SelfRegistration(
            @NotBlank @Pattern(regexp = BranchCode.FORMAT_REGEX) String branch,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9_.-]{3,40}$", message = "3 to 40 letters, digits, _ . or -")
            String username,
            @NotBlank @Size(min = 8, max = 72, message = "8 to 72 characters") String password,
            @Valid @NotNull MemberDetails member,
            UUID referrerId) {

        @Override
        public String toString() {
            return "SelfRegistration[branch=" + branch + ", username=" + username + "]";
        }
    }

    /** The one answer every well-formed registration gets. */
    public record Received(String branch, String username, String status, String message) {
    }

    static final String RECEIVED = "注册申请已收到。如信息无误,您现在即可用所填的用户名和密码登录;"
            + "如无法登录,请联系您的楼长管家。";

    private final MemberRegistration registration;
    private final RegistrationAttempts attempts;
    private final RegistrationThrottle throttle;
    private final CurrentBranch currentBranch;
    private final HttpServerRequest http;

    RegistrationResource(MemberRegistration registration, RegistrationAttempts attempts,
            RegistrationThrottle throttle, CurrentBranch currentBranch, HttpServerRequest http) {
        this.registration = registration;
        this.attempts = attempts;
        this.throttle = throttle;
        this.currentBranch = currentBranch;
        this.http = http;
    }

    @POST
    @SecurityRequirement(name = "none")
    @Operation(summary = "Register online as a member of a branch, with a new login; the answer is the same whether "
            + "or not the registration could be completed, and says to log in")
    public RestResponse<Received> register(@Valid @NotNull SelfRegistration request) {
        throttle.count(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        Branch branch = Branch.byCode(request.branch())
                .filter(b -> b.status != BranchStatus.SUSPENDED)
                .orElseThrow(() -> ApiProblem.notFound("branch-not-found", "No open branch " + request.branch()));
        currentBranch.enter(branch.branchCode(), Set.of());
        try {
            registration.register(request.member(),
                    Optional.of(new MemberRegistration.Login(request.username(), request.password())),
                    new MemberRegistration.Source(Member.Channel.ONLINE, null, null, request.referrerId()));
        } catch (DuplicateMember duplicate) {
            attempts.tellOwner(duplicate);
            Passwords.spendEqualTime(request.password());
        } catch (RuntimeException e) {
            if (!collided(e)) {
                throw e;
            }
            Passwords.spendEqualTime(request.password());
        }
        return RestResponse.status(RestResponse.Status.ACCEPTED,
                new Received(branch.code, Person.normalize(request.username()), "RECEIVED", RECEIVED));
    }

    /** A login or member that already exists, found by a check or by a unique index (a concurrent twin). */
    private static boolean collided(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem && problem.status() == 409) {
                return true;
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
