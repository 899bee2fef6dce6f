package cn.tongyi.plugin.api;

/** Answers a plugin route, in the branch and for the caller the context names. */
@FunctionalInterface
public interface RouteHandler {

    /**
     * @throws PluginProblem for a refusal the caller should see (problem+json with its status); any other exception
     *                       is answered as a 500 naming the plugin, and rolls the transaction back
     */
    PluginResponse handle(PluginRequest request, PluginContext context) throws Exception;
}
