package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.PluginApi;
import java.nio.file.Path;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/**
 * pf4j's jar plugin manager, checking {@code Plugin-Requires} against the plugin API's version, and giving every
 * plugin class loader the plugin API's own loader as parent: under Quarkus (and its tests) the API and pf4j may live
 * in a loader other than pf4j's manager class's, and a plugin must see the very classes the host hands it.
 */
class TongyiPluginManager extends JarPluginManager {

    TongyiPluginManager(Path folder) {
        super(folder);
        setSystemVersion(PluginApi.VERSION);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor pluginDescriptor) {
                PluginClassLoader loader = new PluginClassLoader(pluginManager, pluginDescriptor,
                        PluginApi.class.getClassLoader());
                loader.addFile(pluginPath.toFile());
                return loader;
            }
        };
    }
}
