package cn.tongyi.core.plugin;

import cn.tongyi.core.idempotency.IdempotentCalls;
import cn.tongyi.core.idempotency.RetryTransient;
import cn.tongyi.core.idempotency.TransientFailures;
import cn.tongyi.plugin.api.PluginContext;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
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

    PluginCalls(IdempotentCalls idempotent) {
        this.idempotent = idempotent;
    }

    @Transactional
    @RetryTransient
    public RestResponse<?> once(String scope, String key, byte[] content, String pluginId, Route route,
            PluginRequest request, PluginContext context) throws Exception {
        return idempotent.once(scope, key, content, () -> handle(pluginId, route, request, context));
    }

    @Transactional
    @RetryTransient
    public RestResponse<?> call(String pluginId, Route route, PluginRequest request, PluginContext context) {
        return handle(pluginId, route, request, context);
    }

    private static RestResponse<?> handle(String pluginId, Route route, PluginRequest request,
            PluginContext context) {
        PluginResponse response;
        try {
            response = route.handler().handle(request, context);
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
