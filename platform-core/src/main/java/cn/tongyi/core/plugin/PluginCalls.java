package cn.tongyi.core.plugin;

import cn.tongyi.core.idempotency.IdempotentCalls;
import cn.tongyi.core.idempotency.RetryTransient;
import cn.tongyi.core.idempotency.TransientFailures;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PageFragment;
import cn.tongyi.plugin.api.PageRequest;
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
 * problem+json typed {@code <pluginId>.<slug>}, any other failure as a 500 naming the plugin, its work rolled back;
 * and renders a plugin's page the same way.
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
        return enter(call.plugin(), call.branch(), call.caller());
    }

    private PluginContext enter(InstalledPlugin plugin, BranchCode branch, Optional<Caller> caller) {
        PluginEnablements.InCall state = enablements.inCall(plugin.id(), branch)
                .orElseThrow(() -> notHere(plugin.id()));
        return contexts.forCall(plugin, branch, caller, state);
    }

    static ApiProblem notHere(String pluginId) {
        return ApiProblem.notFound("plugin-not-found", "No plugin " + pluginId + " in this branch");
    }

    /** A showing of a plugin's page: the plugin, the branch, who reads it, the page and the request. */
    record PageCall(InstalledPlugin plugin, BranchCode branch, Caller caller, Page page, PageRequest request) {
    }

    /** Renders a page in a transaction, the plugin switched on in the branch, as for a route. */
    @Transactional
    @RetryTransient
    public PageFragment page(PageCall call) {
        PluginContext context = enter(call.plugin(), call.branch(), Optional.of(call.caller()));
        String pluginId = call.plugin().id();
        String what = "page " + call.page().audience() + " " + call.page().path();
        PageFragment fragment;
        try {
            fragment = call.page().handler().render(call.request(), context);
        } catch (Exception | LinkageError e) {
            throw failure(pluginId, what, e);
        }
        if (fragment == null) {
            throw nothing(pluginId, what);
        }
        return fragment;
    }

    private static RestResponse<?> handle(Call call, PluginContext context) {
        String pluginId = call.plugin().id();
        Route route = call.route();
        String what = route.method() + " " + route.path();
        PluginResponse response;
        try {
            response = route.handler().handle(call.request(), context);
        } catch (Exception | LinkageError e) {
            throw failure(pluginId, what, e);
        }
        if (response == null) {
            throw nothing(pluginId, what);
        }
        return toResponse(response);
    }

    /** A refusal the plugin threw as the caller sees it; anything else as a 500 naming the plugin, logged. */
    private static RuntimeException failure(String pluginId, String what, Throwable e) {
        if (e instanceof PluginProblem problem) {
            return new ApiProblem(problem.status(), pluginId + "." + problem.slug(), problem.getMessage(),
                    problem.extensions());
        }
        if (e instanceof ApiProblem problem) {
            return problem;
        }
        if (TransientFailures.isTransient(e)) {
            return new IllegalStateException("Transient database failure in plugin " + pluginId, e);
        }
        LOG.errorf(e, "Plugin %s failed in %s", pluginId, what);
        return new ApiProblem(500, "plugin-failed", "The plugin " + pluginId + " failed; quote the request id",
                Map.of("plugin", pluginId));
    }

    private static ApiProblem nothing(String pluginId, String what) {
        LOG.errorf("Plugin %s answered nothing in %s", pluginId, what);
        return new ApiProblem(500, "plugin-failed", "The plugin " + pluginId + " answered nothing",
                Map.of("plugin", pluginId));
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
