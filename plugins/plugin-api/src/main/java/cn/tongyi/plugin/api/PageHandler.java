package cn.tongyi.plugin.api;

/** (Since 1.2) Renders a plugin's page, in the branch and for the caller the context names. */
@FunctionalInterface
public interface PageHandler {

    /**
     * @throws PluginProblem for a refusal the reader should see: the host shows its message on its own error page, in
     *                       the layout, with the problem's status; any other exception is a 500 page naming the
     *                       plugin, and rolls the transaction back
     */
    PageFragment render(PageRequest request, PluginContext context) throws Exception;
}
