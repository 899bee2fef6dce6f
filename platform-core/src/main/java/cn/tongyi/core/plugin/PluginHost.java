package cn.tongyi.core.plugin;

import cn.tongyi.core.event.EventSubscribers;
import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PluginApi;
import cn.tongyi.plugin.api.PluginPages;
import cn.tongyi.plugin.api.PluginRoutes;
import cn.tongyi.plugin.api.PluginSettings;
import cn.tongyi.plugin.api.PluginTables;
import cn.tongyi.plugin.api.Route;
import cn.tongyi.tenant.registry.BranchCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugin jars of the plugins folder at start ({@code TONGYI_PLUGINS_DIR}; without it, the {@code plugins}
 * folder next to the application, where the build and the container image put them), and keeps what they contribute.
 * A plugin built against an API this platform does not offer is REFUSED, one whose start fails is FAILED; the
 * platform starts either way. Plugins are trusted code: only what the operator puts in the folder loads.
 */
@ApplicationScoped
public class PluginHost implements EventSubscribers {

    private static final Logger LOG = Logger.getLogger(PluginHost.class);
    private static final String PLUGIN_ID = "^[a-z][a-z0-9-]{1,39}$";

    private final Optional<Path> folder;
    private final Set<String> allowed;
    private final PluginEnablements enablements;
    private TongyiPluginManager manager;
    private volatile Map<String, InstalledPlugin> plugins = Map.of();

    PluginHost(@ConfigProperty(name = "tongyi.plugins.dir") Optional<String> folder,
            @ConfigProperty(name = "tongyi.plugins.enabled") Optional<List<String>> allowed,
            PluginEnablements enablements) {
        this.folder = folder.filter(f -> !f.isBlank()).map(Path::of).or(PluginHost::besideTheApplication);
        this.allowed = Set.copyOf(allowed.orElse(List.of()));
        this.enablements = enablements;
    }

    /** Before the platform serves: a plugin's routes and listeners must be there when the first request comes. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            LOG.infof("No plugins folder (%s): no plugins", folder.map(Path::toString).orElse("TONGYI_PLUGINS_DIR unset"));
            return;
        }
        manager = new TongyiPluginManager(folder.get());
        manager.loadPlugins();
        Map<String, InstalledPlugin> found = new TreeMap<>();
        for (PluginWrapper wrapper : manager.getPlugins()) {
            String id = wrapper.getPluginId();
            if (!allowed.isEmpty() && !allowed.contains(id)) {
                manager.unloadPlugin(id);
                continue;
            }
            InstalledPlugin plugin = install(wrapper);
            found.put(id, plugin);
            if (plugin.active()) {
                LOG.infof("Plugin %s %s is active", id, plugin.version());
            } else {
                LOG.warnf("Plugin %s %s is %s: %s", id, plugin.version(), plugin.state(), plugin.reason());
            }
        }
        plugins = Map.copyOf(found);
    }

    /** pf4j 3.15's stopPlugins() throws on shutdown: each plugin is stopped on its own. */
    void onStop(@Observes ShutdownEvent event) {
        if (manager == null) {
            return;
        }
        for (PluginWrapper wrapper : List.copyOf(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(wrapper.getPluginId());
            } catch (RuntimeException e) {
                LOG.warnf("Plugin %s did not stop cleanly: %s", wrapper.getPluginId(), e.toString());
            }
        }
    }

    /** Every plugin found, whatever its state, by id. */
    public Collection<InstalledPlugin> installed() {
        return plugins.values();
    }

    public Optional<InstalledPlugin> installed(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    public Optional<InstalledPlugin> active(String id) {
        return installed(id).filter(InstalledPlugin::active);
    }

    @Override
    public List<String> of(BranchCode branch, String type) {
        List<String> listening = plugins.values().stream()
                .filter(p -> p.active() && p.listensTo(type)).map(InstalledPlugin::id).toList();
        return listening.isEmpty() ? List.of() : enablements.enabledAmong(branch, listening);
    }

    private InstalledPlugin install(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        String version = wrapper.getDescriptor().getVersion();
        String requires = wrapper.getDescriptor().getRequires();
        String description = wrapper.getDescriptor().getPluginDescription();
        if (!id.matches(PLUGIN_ID)) {
            manager.unloadPlugin(id);
            return InstalledPlugin.unusable(id, version, requires, description, PluginStatus.REFUSED,
                    "A plugin id is lower-case letters, digits and '-', 2 to 40 characters");
        }
        if (wrapper.getPluginState() == PluginState.DISABLED) {
            return InstalledPlugin.unusable(id, version, requires, description,
                    PluginStatus.REFUSED, "Built for plugin API " + requires
                            + "; this platform offers plugin API " + PluginApi.VERSION);
        }
        try {
            manager.startPlugin(id);
            if (wrapper.getPluginState() != PluginState.STARTED) {
                Throwable failure = wrapper.getFailedException();
                return failed(wrapper, failure == null ? "did not start (" + wrapper.getPluginState() + ")"
                        : describe(failure));
            }
            List<Route> routes = manager.getExtensions(PluginRoutes.class, id).stream()
                    .flatMap(r -> r.routes().stream()).toList();
            List<Page> pages = manager.getExtensions(PluginPages.class, id).stream()
                    .flatMap(p -> p.pages().stream()).toList();
            List<DomainEventListener> listeners = manager.getExtensions(DomainEventListener.class, id);
            Optional<String> changelog = manager.getExtensions(PluginTables.class, id).stream()
                    .map(PluginTables::changelogPath).findFirst();
            return new InstalledPlugin(id, version, requires, description, PluginStatus.ACTIVE,
                    null, routes, pages, listeners, changelog, manager.getExtensions(PluginSettings.class, id).stream()
                    .flatMap(s -> s.settings().stream()).toList(), ownResources(wrapper));
        } catch (RuntimeException | LinkageError | MalformedURLException e) {
            return failed(wrapper, describe(e));
        }
    }

    private static ClassLoader ownResources(PluginWrapper wrapper) throws MalformedURLException {
        return new URLClassLoader(new URL[] {wrapper.getPluginPath().toUri().toURL()}, null);
    }

    private static InstalledPlugin failed(PluginWrapper wrapper, String reason) {
        return InstalledPlugin.unusable(wrapper.getPluginId(), wrapper.getDescriptor().getVersion(),
                wrapper.getDescriptor().getRequires(), wrapper.getDescriptor().getPluginDescription(),
                PluginStatus.FAILED, reason);
    }

    private static String describe(Throwable failure) {
        return Arrays.stream(new Throwable[] {failure, failure.getCause()}).filter(t -> t != null)
                .map(t -> t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()))
                .collect(Collectors.joining(" ← "));
    }

    /** {@code plugins} next to the application: {@code quarkus-app/plugins} in the build and the image. */
    private static Optional<Path> besideTheApplication() {
        try {
            Path code = Path.of(PluginHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent()).map(Path::getParent).map(app -> app.resolve("plugins"));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
