package cn.tongyi.core.staff;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.ui.Page;
import cn.tongyi.web.ui.PageContext;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The frame of every staff console page (/s/{branch}/…): the shared page (language, elder mode, CSRF) for the
 * logged-in staff member, and the console's menu, showing only what the caller's roles in the branch may open.
 */
@RequestScoped
public class ConsolePages {

    /** One entry of the console's menu. */
    @TemplateData
    public record MenuItem(String href, String labelKey) {
    }

    /** The query parameter naming the problem a form was refused for. */
    public static final String PROBLEM = "problem";

    private final PageContext pages;
    private final CurrentPerson me;
    private final CurrentBranch branch;

    ConsolePages(PageContext pages, CurrentPerson me, CurrentBranch branch) {
        this.pages = pages;
        this.me = me;
        this.branch = branch;
    }

    /** A console page; staff pages are not in elder mode unless the user switches it on. */
    public Page page(String titleKey) {
        return pages.page(titleKey, false, me.require().displayName);
    }

    /** The menu of the caller's roles in the current branch. */
    public List<MenuItem> menu() {
        String base = base();
        List<MenuItem> items = new ArrayList<>();
        if (branch.hasAny(Role.STEWARD, Role.BRANCH_HEAD)) {
            items.add(new MenuItem(base + "/requests", "staff.menu.requests"));
            items.add(new MenuItem(base + "/paper", "staff.menu.paper"));
            items.add(new MenuItem(base + "/complaints", "staff.menu.complaints"));
            items.add(new MenuItem(base + "/activities", "staff.menu.activities"));
        }
        if (branch.hasAny(Role.STEWARD, Role.BRANCH_HEAD, Role.FINANCE)) {
            items.add(new MenuItem(base + "/incidents", "staff.menu.incidents"));
        }
        items.add(new MenuItem(base + "/members", "staff.menu.members"));
        if (branch.has(Role.BRANCH_HEAD)) {
            items.add(new MenuItem(base + "/setup", "staff.menu.setup"));
            items.add(new MenuItem(base + "/staff", "staff.menu.staff"));
            items.add(new MenuItem(base + "/buildings", "staff.menu.buildings"));
            items.add(new MenuItem(base + "/plugins", "staff.menu.plugins"));
        }
        if (branch.hasAny(Role.FINANCE, Role.BRANCH_HEAD)) {
            items.add(new MenuItem(base + "/finance", "staff.menu.finance"));
        }
        return items;
    }

    public String base() {
        return "/s/" + branch.require().value();
    }

    /** The branch's API, for the files a page links to (a passbook PDF): same session, same access rules. */
    public String apiBase() {
        return "/api/branches/" + branch.require().value();
    }

    /** After a form: back to a console page with a GET (post/redirect/get), so a reload never posts again. */
    public Response seeOther(String pathInConsole) {
        return Response.seeOther(URI.create(base() + pathInConsole)).build();
    }

    /** After a refused form: back to the page, which says why in the user's language. */
    public Response refused(String pathInConsole, ApiProblem problem) {
        return seeOther(pathInConsole + (pathInConsole.contains("?") ? "&" : "?") + PROBLEM + "=" + problem.slug());
    }

    /** What a refusal means, in the page's language: the API's problem title for its slug; null when none. */
    public String problemText(Page page, String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        ResourceBundle titles = ResourceBundle.getBundle("problems", page.english() ? Locale.ENGLISH : Locale.ROOT);
        return titles.containsKey(slug) ? titles.getString(slug) : page.t("staff.refused");
    }
}
