/**
 * The contract between the Tongyi platform and its plugins (pf4j). A plugin implements one or more extension points
 * ({@link cn.tongyi.plugin.api.PluginRoutes}, {@link cn.tongyi.plugin.api.DomainEventListener},
 * {@link cn.tongyi.plugin.api.PluginTables}, {@link cn.tongyi.plugin.api.PluginSettings}, and since 1.2
 * {@link cn.tongyi.plugin.api.PluginPages}, pages shown inside the platform's own faces) and works in a branch only
 * through the {@link cn.tongyi.plugin.api.PluginContext} the platform hands it with every call: the branch is always
 * an argument, never ambient. Plain Java and pf4j only; semantic version in {@link cn.tongyi.plugin.api.PluginApi}.
 */
package cn.tongyi.plugin.api;
