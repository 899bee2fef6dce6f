package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.plugin.api.SettingDefinition;
import java.util.List;
import java.util.Optional;

/**
 * A plugin jar found in the plugins folder, and what it contributes when ACTIVE.
 *
 * @param requires the plugin API versions it was built for ({@code Plugin-Requires})
 * @param reason        why it is REFUSED or FAILED
 * @param ownResources  a loader of the resources in the plugin's jar only (its changelog): the plugin's class
 *                      loader would also find the platform's, and a path both have would be ambiguous
 */
public record InstalledPlugin(String id, String version, String requires, String description, PluginStatus state,
        String reason, List<Route> routes, List<Page> pages, List<DomainEventListener> listeners,
        Optional<String> changelog, List<SettingDefinition> settings, ClassLoader ownResources) {

    static InstalledPlugin unusable(String id, String version, String requires, String description,
            PluginStatus state, String reason) {
        return new InstalledPlugin(id, version, requires, description, state, reason, List.of(), List.of(),
                List.of(), Optional.empty(), List.of(), null);
    }

    public boolean active() {
        return state == PluginStatus.ACTIVE;
    }

    public boolean listensTo(String type) {
        return listeners.stream().anyMatch(listener -> listener.eventTypes().contains(type));
    }

    public Optional<SettingDefinition> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
