package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A showing of a plugin's page as the plugin reads it: plain values, nothing of the web layer. */
record HostedPageRequest(String branch, Audience audience, String pluginId, Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters, boolean prefersEnglish) implements PageRequest {

    @Override
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    @Override
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    @Override
    public String pageUrl(String path) {
        return PluginPageHost.url(audience, branch, pluginId, path);
    }
}
