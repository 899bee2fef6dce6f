package cn.tongyi.core.member;

import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Online self-registration (R-MEMBER-1): a resident creates a login and applies to a home branch that is open
 * (PREPARING or ACTIVE). The branch is named in the body, since the caller has no grant anywhere yet.
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

    public record Registered(UUID memberId, String branch, String username, String status) {
    }

    private final MemberRegistration registration;
    private final CurrentBranch currentBranch;

    RegistrationResource(MemberRegistration registration, CurrentBranch currentBranch) {
        this.registration = registration;
        this.currentBranch = currentBranch;
    }

    @POST
    @SecurityRequirement(name = "none")
    @Operation(summary = "Register online as a member of a branch, with a new login")
    public RestResponse<Registered> register(@Valid @NotNull SelfRegistration request) {
        Branch branch = Branch.byCode(request.branch())
                .filter(b -> b.status != BranchStatus.SUSPENDED)
                .orElseThrow(() -> ApiProblem.notFound("branch-not-found", "No open branch " + request.branch()));
        currentBranch.enter(branch.branchCode(), Set.of());
        Member member = registration.register(request.member(),
                Optional.of(new MemberRegistration.Login(request.username(), request.password())),
                new MemberRegistration.Source(Member.Channel.ONLINE, null, null, request.referrerId()));
        return RestResponse.status(RestResponse.Status.CREATED,
                new Registered(member.id, branch.code, request.username().toLowerCase(), MemberStatus.REGISTERED.name()));
    }
}
