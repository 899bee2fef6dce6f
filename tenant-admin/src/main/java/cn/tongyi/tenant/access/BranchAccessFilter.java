package cn.tongyi.tenant.access;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.tenant.registry.BranchCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Arrays;
import java.util.Set;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Tenant resolution for {@code /api/branches/{branch}/…}: the branch comes from the path, the token's grants decide.
 * No token: 401. No grant on that branch (or no such branch): 404, so a stranger cannot learn which branches exist.
 * A grant without the role the operation needs: 403.
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
        if (roles.isEmpty()) {
            throw ApiProblem.notFound("branch-not-found", "No branch " + branch + " that you belong to");
        }
        BranchRoles required = requiredRoles(resource);
        if (required != null && required.value().length > 0
                && Arrays.stream(required.value()).noneMatch(roles::contains)) {
            throw ApiProblem.forbidden("role-required",
                    "This needs one of the roles " + Arrays.toString(required.value()) + " in branch " + branch);
        }
        currentBranch.enter(new BranchCode(branch), roles);
        MDC.put(BRANCH_PARAM, branch);
    }

    private static BranchRoles requiredRoles(ResourceInfo resource) {
        BranchRoles onMethod = resource.getResourceMethod().getAnnotation(BranchRoles.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(BranchRoles.class);
    }
}
