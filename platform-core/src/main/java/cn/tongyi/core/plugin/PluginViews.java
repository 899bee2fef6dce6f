package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.SettingDefinition;
import java.util.List;
import java.util.Map;

/** How plugins and their settings look in the HQ and branch APIs. */
public final class PluginViews {

    private PluginViews() {
    }

    /** An installed plugin as HQ sees it. */
    public record Installed(String id, String version, String requires, String platformApiVersion, PluginStatus state,
            String reason, String description, List<String> offeredTo, List<String> enabledIn) {
    }

    /** A setting with its definition and its value in the branch (the default until one is stored). */
    public record Setting(String name, SettingDefinition.SettingType type, String value, String defaultValue,
            String minimum, String maximum, String pattern, String labelZh, String labelEn) {

        static Setting of(SettingDefinition definition, Map<String, String> stored) {
            return new Setting(definition.name(), definition.type(),
                    stored.getOrDefault(definition.name(), definition.defaultValue()), definition.defaultValue(),
                    definition.minimum(), definition.maximum(), definition.pattern(), definition.labelZh(),
                    definition.labelEn());
        }
    }

    /** A plugin offered to a branch, as the branch sees it. */
    public record InBranch(String id, String version, String description, PluginStatus state, boolean enabled,
            List<Setting> settings) {
    }
}
