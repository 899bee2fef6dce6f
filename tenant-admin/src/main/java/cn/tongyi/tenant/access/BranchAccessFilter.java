package cn.tongyi.tenant.access;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.tenant.registry.BranchStatus;
import cn.tongyi.web.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Tenant resolution for {@code /api/branches/{branch}/…}: the branch comes from the path, the token's grants decide.
 * No token: 401. No grant on that branch (or no such branch): 404, so a stranger cannot learn which branches exist.
 * A grant without the role the operation needs: 403. On an operation {@link OpenToAllianceMembers}, a member of any
 * branch acts as MEMBER in every ACTIVE branch.
 */
public class BranchAccessFilter {

    public static final String BRANCH_PARAM = "branch";

    private final CallerGrants grants;
    private final CurrentBranch currentBranch;

    BranchAccessFilter(CallerGrants grants, CurrentBranch currentBranch) {
        this.grants = grants;
        this.currentBranch = currentBranch;
    }

    @ServerRequestFilter
    public void resolveBranch(ContainerRequestContext request, ResourceInfo resource) {
        String branch = request.getUriInfo().getPathParameters().getFirst(BRANCH_PARAM);
        if (branch == null) {
            return;
        }
        if (!grants.authenticated()) {
            throw new ApiProblem(401, "unauthenticated", "Log in and send the access token as a Bearer token");
        }
        Set<Role> roles = BranchCode.isValid(branch) ? grants.rolesIn(branch) : Set.of();
        boolean allianceMember = false;
        if (openToAllianceMembers(resource) && !roles.contains(Role.MEMBER) && grants.holdsAnywhere(Role.MEMBER)
                && BranchCode.isValid(branch) && isActive(branch)) {
            roles = with(roles, Role.MEMBER);
            allianceMember = true;
        }
        if (roles.isEmpty()) {
            throw ApiProblem.notFound("branch-not-found", "No branch " + branch + " that you belong to");
        }
        BranchRoles required = requiredRoles(resource);
        if (required == null || required.value().length == 0) {
            throw new IllegalStateException("Branch operation " + resource.getResourceMethod()
                    + " names no @BranchRoles: every branch endpoint says who may call it");
        }
        if (Arrays.stream(required.value()).noneMatch(roles::contains)) {
            throw ApiProblem.forbidden("role-required",
                    "This needs one of the roles " + Arrays.toString(required.value()) + " in branch " + branch);
        }
        currentBranch.enter(new BranchCode(branch), roles, allianceMember);
        MDC.put(BRANCH_PARAM, branch);
    }

    private static boolean openToAllianceMembers(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(OpenToAllianceMembers.class)
                || resource.getResourceClass().isAnnotationPresent(OpenToAllianceMembers.class);
    }

    /**
     * Read in a transaction of its own: a session opened now, outside one, would stay bound to the request with the
     * platform schema, before the branch is entered.
     */
    private static boolean isActive(String branch) {
        return QuarkusTransaction.requiringNew().call(
                () -> Branch.byCode(branch).map(b -> b.status == BranchStatus.ACTIVE).orElse(false));
    }

    private static Set<Role> with(Set<Role> roles, Role role) {
        EnumSet<Role> result = EnumSet.of(role);
        result.addAll(roles);
        return result;
    }

    private static BranchRoles requiredRoles(ResourceInfo resource) {
        BranchRoles onMethod = resource.getResourceMethod().getAnnotation(BranchRoles.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(BranchRoles.class);
    }
}
