package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.Audience;
import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ui.PageContext;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The menu entries of plugin pages for templates, e.g. {@code {#for entry in plugins:member(branch)}}: a face's page
 * lists them without its Java code knowing of plugins. Only plugins enabled in the branch, only pages the reader's
 * roles there open.
 */
@TemplateExtension(namespace = "plugins")
public final class PluginMenus {

    private PluginMenus() {
    }

    static List<PluginPageHost.MenuEntry> member(String branch) {
        return forReader(branch, Audience.MEMBER);
    }

    static List<PluginPageHost.MenuEntry> staff(String branch) {
        return forReader(branch, Audience.STAFF);
    }

    static List<PluginPageHost.MenuEntry> forReader(String branch, Audience audience) {
        Set<BranchRole> roles = Arc.container().instance(CurrentBranch.class).get().roles().stream()
                .map(role -> BranchRole.valueOf(role.name())).collect(Collectors.toSet());
        boolean english = Locale.ENGLISH.getLanguage()
                .equals(Arc.container().instance(PageContext.class).get().locale().getLanguage());
        return Arc.container().instance(PluginPageHost.class).get()
                .menu(new BranchCode(branch), audience, roles, english);
    }
}
