package cn.tongyi.plugin.api;

import java.util.Objects;
import java.util.Set;

/**
 * (Since 1.2) A page a plugin contributes to the member app, the staff console or the office portal. The host serves
 * it at {@code /{m|s|o}/{branch}/plugins/{pluginId}{path}} inside its own layout, with its session and access rules:
 * the caller must be signed in, hold one of the roles in the branch, and the plugin must be enabled there (else the
 * page answers 404, as for a stranger). The handler renders only the page's content, as an HTML fragment.
 *
 * @param audience the face the page belongs to
 * @param path     relative path, {@code /} or segments with {@code {name}} parameters, as for a {@link Route}
 * @param roles    the branch roles that may open it (at least one)
 * @param labelZh  its name in Chinese: the menu entry and the page's title until the fragment names one
 * @param labelEn  its name in English
 * @param inMenu   whether the face's menu links to it (a page with path parameters is reached from another page)
 * @param handler  what renders it
 */
public record Page(Audience audience, String path, Set<BranchRole> roles, String labelZh, String labelEn,
        boolean inMenu, PageHandler handler) {

    public Page {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.matches("^/([A-Za-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]*})?(/([A-Za-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]*}))*$")) {
            throw new IllegalArgumentException("A page path is / or segments such as /merchants/{merchantId}: " + path);
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A page names the roles it serves: " + path);
        }
        if (labelZh == null || labelZh.isBlank() || labelEn == null || labelEn.isBlank()) {
            throw new IllegalArgumentException("A page has a Chinese and an English label: " + path);
        }
        if (inMenu && path.contains("{")) {
            throw new IllegalArgumentException("A menu entry links to a page without path parameters: " + path);
        }
        roles = Set.copyOf(roles);
    }

    /** A page the face's menu links to. */
    public static Page menuEntry(Audience audience, String path, Set<BranchRole> roles, String labelZh,
            String labelEn, PageHandler handler) {
        return new Page(audience, path, roles, labelZh, labelEn, true, handler);
    }

    /** A page reached from another page (e.g. one with path parameters), not from the menu. */
    public static Page page(Audience audience, String path, Set<BranchRole> roles, String labelZh, String labelEn,
            PageHandler handler) {
        return new Page(audience, path, roles, labelZh, labelEn, false, handler);
    }

    /** Its label in the reader's language. */
    public String label(boolean english) {
        return english ? labelEn : labelZh;
    }
}
