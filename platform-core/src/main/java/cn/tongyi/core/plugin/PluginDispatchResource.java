package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.IdempotencyKeys;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.HttpMethod;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.OpenToAllianceMembers;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one core resource plugins answer through: {@code /api/branches/{branch}/plugins/{pluginId}/…}. The access filter
 * has already checked the token and the caller's place in the branch (members of any branch pass as MEMBER, for the
 * routes a plugin opens to them); here the plugin must be ACTIVE and enabled in the branch (else 404, as for any
 * resource of a branch one does not belong to), the route must exist, and the caller must hold one of its roles.
 * Each plugin answers at most {@value #CONCURRENT_CALLS} calls at once, so that a slow plugin cannot take every worker.
 */
@Path("/api/branches/{branch}/plugins/{pluginId}/{path: .+}")
@Tag(name = "Plugins", description = "The routes of the plugins a branch switched on; see /q/openapi for each")
@OpenToAllianceMembers
@BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.VOLUNTEER, Role.MEMBER, Role.MERCHANT,
    Role.GOV_VIEWER})
public class PluginDispatchResource {

    static final int CONCURRENT_CALLS = 16;
    private static final long WAIT_FOR_TURN_MILLIS = 2_000;

    private final PluginHost host;
    private final PluginCalls calls;
    private final CurrentBranch currentBranch;
    private final CurrentPerson person;
    private final CallerGrants caller;
    private final ObjectMapper json;
    private final Map<String, Semaphore> turns = new ConcurrentHashMap<>();

    PluginDispatchResource(PluginHost host, PluginCalls calls, CurrentBranch currentBranch, CurrentPerson person,
            CallerGrants caller, ObjectMapper json) {
        this.host = host;
        this.calls = calls;
        this.currentBranch = currentBranch;
        this.person = person;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(summary = "A plugin's read")
    public RestResponse<?> get(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) throws Exception {
        return dispatch(HttpMethod.GET, pluginId, path, uri, headers, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A plugin's write")
    public RestResponse<?> post(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) throws Exception {
        return dispatch(HttpMethod.POST, pluginId, path, uri, headers, body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A plugin's change")
    public RestResponse<?> put(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) throws Exception {
        return dispatch(HttpMethod.PUT, pluginId, path, uri, headers, body);
    }

    @DELETE
    @Operation(summary = "A plugin's removal")
    public RestResponse<?> delete(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) throws Exception {
        return dispatch(HttpMethod.DELETE, pluginId, path, uri, headers, null);
    }

    private RestResponse<?> dispatch(HttpMethod method, String pluginId, String path, UriInfo uri,
            HttpHeaders headers, byte[] body) throws Exception {
        BranchCode branch = currentBranch.require();
        InstalledPlugin plugin = host.active(pluginId).orElseThrow(() -> PluginCalls.notHere(pluginId));
        RouteMatcher.Match<Route> match = RouteMatcher.match(plugin.routes(), method, "/" + path)
                .orElseThrow(() -> ApiProblem.notFound("plugin-route-not-found",
                        "The plugin " + pluginId + " has no " + method + " /" + path));
        Set<Role> roles = rolesFor(match.route().openToAllianceMembers());
        if (roles.isEmpty()) {
            throw PluginCalls.notHere(pluginId);
        }
        if (match.route().roles().stream().noneMatch(r -> roles.contains(Role.valueOf(r.name())))) {
            throw ApiProblem.forbidden("role-required", "This needs one of the roles " + match.route().roles());
        }
        PluginCalls.Call call = new PluginCalls.Call(plugin, branch, Optional.of(new Caller(person.publicId(),
                caller.username(), roles.stream().map(r -> BranchRole.valueOf(r.name())).collect(Collectors.toSet()),
                match.route().openToAllianceMembers() && currentBranch.allianceMember())), match.route(),
                new HostedRequest(method, match.parameters(), uri.getQueryParameters(), headers, body, json));
        Semaphore turn = turns.computeIfAbsent(pluginId, id -> new Semaphore(CONCURRENT_CALLS));
        if (!turn.tryAcquire(WAIT_FOR_TURN_MILLIS, TimeUnit.MILLISECONDS)) {
            throw ApiProblem.tooManyRequests("plugin-busy", "The plugin " + pluginId + " is busy; try again", 1);
        }
        try {
            if (match.route().keyedByPlugin()) {
                IdempotencyKeys.require(headers.getHeaderString(IdempotencyKeys.HEADER));
                return calls.call(call);
            }
            if (match.route().idempotent()) {
                return calls.once(caller.username() + " " + method + " " + uri.getPath(),
                        headers.getHeaderString(IdempotencyKeys.HEADER), body == null ? new byte[0] : body, call);
            }
            return calls.call(call);
        } finally {
            turn.release();
        }
    }

    /** The caller's roles here, without the MEMBER a member of another branch holds only on open routes. */
    private Set<Role> rolesFor(boolean openToAllianceMembers) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(currentBranch.roles());
        if (currentBranch.allianceMember() && !openToAllianceMembers) {
            roles.remove(Role.MEMBER);
        }
        return roles;
    }
}
