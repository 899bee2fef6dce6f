package cn.tongyi.core.plugin;

import cn.tongyi.core.staff.ConsolePages;
import cn.tongyi.plugin.api.SettingDefinition;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The branch head switches the plugins HQ offers on or off and sets them up. Each plugin's settings form is generated
 * from the settings it declares (type, bounds, labels in both languages); values are checked as the API checks them,
 * and a refused form is shown again with the fields at fault named.
 */
@Path("/s/{branch}/plugins")
@Produces(PageErrors.HTML)
@BranchRoles(Role.BRANCH_HEAD)
public class BranchPluginsPage {

    /** A form field generated from a declared setting. */
    @TemplateData
    public record Field(String id, String name, String label, String input, String value, String minimum,
            String maximum, String step, boolean yesNo, boolean invalid) {
    }

    @TemplateData
    public record Card(String id, String version, String description, String state, boolean usable,
            boolean enabled, List<Field> fields) {
    }

    private static final String SETTING = "setting.";

    @Inject
    @Location("plugin/plugins.html")
    Template plugins;

    private final BranchPluginResource api;
    private final ConsolePages pages;

    BranchPluginsPage(BranchPluginResource api, ConsolePages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public String list(@PathParam("branch") String branch, @QueryParam("changed") String changed) {
        Page page = pages.page("staff.plugins.title");
        return render(page, branch, null, Set.of(), changed == null ? null : page.t("staff.plugins.saved", changed))
                .render();
    }

    @POST
    @Path("/{pluginId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@PathParam("branch") String branch, @PathParam("pluginId") String pluginId,
            MultivaluedMap<String, String> form) {
        Map<String, String> settings = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(SETTING) && !values.isEmpty()) {
                settings.put(name.substring(SETTING.length()), values.get(0));
            }
        });
        boolean enable = "on".equals(form.getFirst("switch"));
        try {
            api.change(branch, pluginId, new BranchPluginResource.Change(enable,
                    enable && !settings.isEmpty() ? settings : null));
            return pages.seeOther("/plugins?changed=" + pluginId);
        } catch (ApiProblem problem) {
            Page page = pages.page("staff.plugins.title").shownAt(pages.base() + "/plugins");
            Set<String> invalid = problem.errors() == null ? Set.of() : problem.errors().stream()
                    .map(e -> pluginId + "." + e.field().substring(e.field().indexOf('.') + 1))
                    .collect(Collectors.toSet());
            String alert = pages.problemText(page, problem.slug());
            return Response.status(problem.status()).type(PageErrors.HTML)
                    .entity(render(page, branch, alert, invalid, null).render()).build();
        }
    }

    private TemplateInstance render(Page page, String branch, String problem, Set<String> invalid,
            String saved) {
        List<Card> cards = api.list(branch).stream().map(p -> new Card(p.id(), p.version(), p.description(),
                page.t("staff.plugins.state." + p.state()), p.state() == PluginStatus.ACTIVE, p.enabled(),
                p.settings().stream().map(s -> field(page, p.id(), s, invalid)).toList())).toList();
        return plugins.data("page", page).data("menu", pages.menu()).data("base", pages.base())
                .data("plugins", cards).data("problem", problem).data("saved", saved);
    }

    private static Field field(Page page, String pluginId, PluginViews.Setting s, Set<String> invalid) {
        boolean number = s.type() == SettingDefinition.SettingType.INTEGER
                || s.type() == SettingDefinition.SettingType.DECIMAL;
        return new Field(pluginId + "-" + s.name(), SETTING + s.name(), page.english() ? s.labelEn() : s.labelZh(),
                number ? "number" : "text", s.value(), s.minimum(), s.maximum(),
                s.type() == SettingDefinition.SettingType.DECIMAL ? "any" : "1",
                s.type() == SettingDefinition.SettingType.BOOLEAN, invalid.contains(pluginId + "." + s.name()));
    }
}
