package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.Person;
import cn.tongyi.core.member.MemberPages;
import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shows a plugin's page (plugin API 1.2) in a face's layout, for the resources of the member app and the staff
 * console: the reader's roles in the branch, {@link PluginPageHost} (the plugin enabled in the branch, the page's
 * roles, the fragment made safe), the face's menu of plugin pages.
 */
@ApplicationScoped
class PluginPageView {

    @Inject
    @Location("plugin/page.html")
    Template template;

    private final PluginPageHost pages;
    private final PageContext context;
    private final CurrentBranch currentBranch;
    private final CurrentPerson person;
    private final CallerGrants caller;
    private final MemberPages memberApp;

    PluginPageView(PluginPageHost pages, PageContext context, CurrentBranch currentBranch, CurrentPerson person,
            CallerGrants caller, MemberPages memberApp) {
        this.pages = pages;
        this.context = context;
        this.currentBranch = currentBranch;
        this.person = person;
        this.caller = caller;
        this.memberApp = memberApp;
    }

    String show(Audience audience, String pluginId, String path, UriInfo uri) {
        BranchCode branch = currentBranch.require();
        Set<BranchRole> roles = currentBranch.roles().stream().map(r -> BranchRole.valueOf(r.name()))
                .collect(Collectors.toSet());
        boolean english = Locale.ENGLISH.getLanguage().equals(context.locale().getLanguage());
        PluginPageHost.ShownPage shown = pages.show(branch, audience, pluginId, "/" + path,
                uri.getQueryParameters(), english, new Caller(person.publicId(), caller.username(), roles, false));
        Person reader = person.require();
        // The plugin's title is already in the reader's language: as a "key" without a bundle it shows as it is.
        Page page = audience == Audience.MEMBER ? memberApp.page(shown.title())
                : context.page(shown.title(), false, reader.displayName);
        return template.data("page", page)
                .data("shown", shown)
                .data("home", (audience == Audience.MEMBER ? "/m/" : "/s/") + branch.value())
                .data("menu", pages.menu(branch, audience, roles, english))
                .render();
    }
}
