package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.plugin.api.Page;
import cn.tongyi.plugin.api.PageFragment;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages plugins contribute (plugin API 1.2), for the faces of the platform: the menu entries a reader sees in a
 * branch, and a page shown. Only plugins enabled in the branch count; a page the reader holds none of the roles of is
 * as unknown as one that does not exist (404), as is any page of a plugin the branch has not switched on.
 */
@ApplicationScoped
public class PluginPageHost {

    /** A menu entry: the plugin, its label in the reader's language, and where it leads. */
    public record MenuEntry(String pluginId, String label, String url) {
    }

    /** A page ready for the layout: its title and its content, already made safe ({@link PageFragments}). */
    public record ShownPage(String pluginId, String title, String safeHtml) {
    }

    private final PluginHost host;
    private final PluginEnablements enablements;
    private final PluginCalls calls;

    PluginPageHost(PluginHost host, PluginEnablements enablements, PluginCalls calls) {
        this.host = host;
        this.enablements = enablements;
        this.calls = calls;
    }

    /** Where a plugin's page is served: {@code /m}, {@code /s} or {@code /o}, then the branch and the plugin. */
    public static String url(Audience audience, String branch, String pluginId, String path) {
        String face = switch (audience) {
            case MEMBER -> "/m/";
            case STAFF -> "/s/";
            case OFFICE -> "/o/";
        };
        return face + branch + "/plugins/" + pluginId + (path.startsWith("/") ? path : "/" + path);
    }

    /** The menu entries of the face for a reader holding these roles in the branch, by plugin then declaration. */
    public List<MenuEntry> menu(BranchCode branch, Audience audience, Set<BranchRole> roles, boolean english) {
        List<InstalledPlugin> withPages = host.installed().stream()
                .filter(p -> p.active() && p.pages().stream().anyMatch(page -> page.audience() == audience))
                .toList();
        if (withPages.isEmpty()) {
            return List.of();
        }
        List<String> enabled = enablements.enabledAmong(branch, withPages.stream().map(InstalledPlugin::id).toList());
        return withPages.stream().filter(p -> enabled.contains(p.id()))
                .flatMap(p -> p.pages().stream()
                        .filter(page -> page.audience() == audience && page.inMenu() && mayOpen(page, roles))
                        .map(page -> new MenuEntry(p.id(), page.label(english),
                                url(audience, branch.value(), p.id(), page.path()))))
                .toList();
    }

    /**
     * Renders the page of the plugin at the path for the caller, in the branch's face; 404 unless the plugin is
     * active and enabled in the branch, has such a page for the face, and the caller holds one of its roles.
     */
    public ShownPage show(BranchCode branch, Audience audience, String pluginId, String path,
            Map<String, List<String>> query, boolean english, Caller caller) {
        InstalledPlugin plugin = host.active(pluginId).orElseThrow(() -> PluginCalls.notHere(pluginId));
        RouteMatcher.Match<Page> match = RouteMatcher.match(
                        plugin.pages().stream().filter(p -> p.audience() == audience).toList(), Page::path, path)
                .filter(m -> mayOpen(m.route(), caller.roles()))
                .orElseThrow(() -> ApiProblem.notFound("plugin-page-not-found",
                        "The plugin " + pluginId + " has no page " + path + " for you here"));
        Page page = match.route();
        PageFragment fragment = calls.page(new PluginCalls.PageCall(plugin, branch, caller, page,
                new HostedPageRequest(branch.value(), audience, pluginId, match.parameters(), query, english)));
        String title = fragment.title() == null || fragment.title().isBlank() ? page.label(english) : fragment.title();
        return new ShownPage(pluginId, title, PageFragments.safe(fragment.html()));
    }

    private static boolean mayOpen(Page page, Set<BranchRole> roles) {
        return !Collections.disjoint(page.roles(), roles);
    }
}
