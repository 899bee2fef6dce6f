package cn.tongyi.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: the settings a branch head may set for the plugin in their branch. The platform validates values
 * against the definitions before it stores them, shows a form generated from them, and hands the stored values (or
 * the defaults) to the plugin through {@link PluginContext#settings()}.
 */
public interface PluginSettings extends ExtensionPoint {

    List<SettingDefinition> settings();
}
