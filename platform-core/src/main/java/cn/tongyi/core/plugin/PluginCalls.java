package cn.tongyi.core.plugin;

import cn.tongyi.core.idempotency.IdempotentCalls;
import cn.tongyi.core.idempotency.RetryTransient;
import cn.tongyi.core.idempotency.TransientFailures;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Runs a plugin's route handler as the core runs its own endpoints: in a transaction (re-run after a deadlock or a
 * serialization failure), once per Idempotency-Key for idempotent routes, a {@link PluginProblem} answered as
 * problem+json typed {@code <pluginId>.<slug>}, any other failure as a 500 naming the plugin, its work rolled back.
 */
@ApplicationScoped
class PluginCalls {

    private static final Logger LOG = Logger.getLogger(PluginCalls.class);

    private final IdempotentCalls idempotent;
    private final PluginEnablements enablements;
    private final PluginContexts contexts;

    PluginCalls(IdempotentCalls idempotent, PluginEnablements enablements, PluginContexts contexts) {
        this.idempotent = idempotent;
        this.enablements = enablements;
        this.contexts = contexts;
    }

    /** A call of a route: the plugin, the branch it acts in, who calls, and the request. */
    record Call(InstalledPlugin plugin, BranchCode branch, Optional<Caller> caller, Route route,
            PluginRequest request) {
    }

    @Transactional
    @RetryTransient
    public RestResponse<?> once(String scope, String key, byte[] content, Call call) throws Exception {
        PluginContext context = enter(call);
        return idempotent.once(scope, key, content, () -> handle(call, context));
    }

    @Transactional
    @RetryTransient
    public RestResponse<?> call(Call call) {
        return handle(call, enter(call));
    }

    /** The call's first statement: the plugin must be switched on in the branch, else 404 as for a stranger. */
    private PluginContext enter(Call call) {
        PluginEnablements.InCall state = enablements.inCall(call.plugin().id(), call.branch())
                .orElseThrow(() -> notHere(call.plugin().id()));
        return contexts.forCall(call.plugin(), call.branch(), call.caller(), state);
    }

    static ApiProblem notHere(String pluginId) {
        return ApiProblem.notFound("plugin-not-found", "No plugin " + pluginId + " in this branch");
    }

    private static RestResponse<?> handle(Call call, PluginContext context) {
        String pluginId = call.plugin().id();
        Route route = call.route();
        PluginResponse response;
        try {
            response = route.handler().handle(call.request(), context);
        } catch (PluginProblem problem) {
            throw new ApiProblem(problem.status(), pluginId + "." + problem.slug(), problem.getMessage(),
                    problem.extensions());
        } catch (ApiProblem problem) {
            throw problem;
        } catch (Exception | LinkageError e) {
            if (TransientFailures.isTransient(e)) {
                throw new IllegalStateException("Transient database failure in plugin " + pluginId, e);
            }
            LOG.errorf(e, "Plugin %s failed in %s %s", pluginId, route.method(), route.path());
            throw new ApiProblem(500, "plugin-failed", "The plugin " + pluginId + " failed; quote the request id",
                    Map.of("plugin", pluginId));
        }
        if (response == null) {
            LOG.errorf("Plugin %s answered nothing in %s %s", pluginId, route.method(), route.path());
            throw new ApiProblem(500, "plugin-failed", "The plugin " + pluginId + " answered nothing",
                    Map.of("plugin", pluginId));
        }
        return toResponse(response);
    }

    private static RestResponse<?> toResponse(PluginResponse response) {
        RestResponse.ResponseBuilder<Object> built = RestResponse.ResponseBuilder.create(response.status());
        if (response.bytes() != null) {
            built.entity(response.bytes()).type(response.mediaType());
        } else if (response.json() != null) {
            built.entity(response.json()).type("application/json");
        }
        response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                built.header(name, value);
            }
        });
        return built.build();
    }
}
