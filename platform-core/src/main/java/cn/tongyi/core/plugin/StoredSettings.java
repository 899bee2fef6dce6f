package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.SettingDefinition;
import cn.tongyi.plugin.api.SettingsView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A plugin's settings in a branch: the stored value of each declared setting, else its default. */
record StoredSettings(List<SettingDefinition> definitions, Map<String, String> stored) implements SettingsView {

    @Override
    public String text(String name) {
        SettingDefinition definition = definitions.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plugin declared no setting " + name));
        return stored.getOrDefault(name, definition.defaultValue());
    }

    @Override
    public long integer(String name) {
        return Long.parseLong(text(name));
    }

    @Override
    public BigDecimal decimal(String name) {
        return new BigDecimal(text(name));
    }

    @Override
    public boolean bool(String name) {
        return Boolean.parseBoolean(text(name));
    }
}
