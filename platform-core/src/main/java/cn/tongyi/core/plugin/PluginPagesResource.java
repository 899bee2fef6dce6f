package cn.tongyi.core.plugin;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.identity.Person;
import cn.tongyi.core.member.MemberHomePage;
import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.Caller;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages plugins contribute (plugin API 1.2), inside the member app ({@code /m/{branch}/plugins/…}) and the staff
 * console ({@code /s/{branch}/plugins/…}): the session and branch access of every page, then {@link PluginPageHost}
 * (the plugin enabled in the branch, the page's roles, the fragment made safe). The office portal is not built yet.
 */
@Path("/")
@Produces(PageErrors.HTML)
public class PluginPagesResource {

    @Inject
    @Location("plugin/page.html")
    Template template;

    private final PluginPageHost pages;
    private final PageContext context;
    private final CurrentBranch currentBranch;
    private final CurrentPerson person;
    private final CallerGrants caller;
    private final MemberHomePage memberApp;

    PluginPagesResource(PluginPageHost pages, PageContext context, CurrentBranch currentBranch, CurrentPerson person,
            CallerGrants caller, MemberHomePage memberApp) {
        this.pages = pages;
        this.context = context;
        this.currentBranch = currentBranch;
        this.person = person;
        this.caller = caller;
        this.memberApp = memberApp;
    }

    @GET
    @Path("m/{branch}/plugins/{pluginId}/{path: .+}")
    @BranchRoles(Role.MEMBER)
    @Operation(hidden = true)
    public String memberPage(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
            @Context UriInfo uri) {
        return show(Audience.MEMBER, pluginId, path, uri, "/m/");
    }

    @GET
    @Path("s/{branch}/plugins/{pluginId}/{path: .+}")
    @BranchRoles({Role.BRANCH_HEAD, Role.STEWARD, Role.FINANCE, Role.MERCHANT, Role.GOV_VIEWER})
    @Operation(hidden = true)
    public String staffPage(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
            @Context UriInfo uri) {
        return show(Audience.STAFF, pluginId, path, uri, "/s/");
    }

    private String show(Audience audience, String pluginId, String path, UriInfo uri, String face) {
        BranchCode branch = currentBranch.require();
        Set<BranchRole> roles = currentBranch.roles().stream().map(r -> BranchRole.valueOf(r.name()))
                .collect(Collectors.toSet());
        boolean english = Locale.ENGLISH.getLanguage().equals(context.locale().getLanguage());
        PluginPageHost.ShownPage shown = pages.show(branch, audience, pluginId, "/" + path,
                uri.getQueryParameters(), english, new Caller(person.publicId(), caller.username(), roles, false));
        Person reader = person.require();
        // The plugin's title is already in the reader's language: as a "key" without a bundle it shows as it is.
        Page page = audience == Audience.MEMBER ? memberApp.memberPage(shown.title(), reader)
                : context.page(shown.title(), false, reader.displayName);
        return template.data("page", page)
                .data("shown", shown)
                .data("home", face + branch.value())
                .data("menu", pages.menu(branch, audience, roles, english))
                .render();
    }
}
