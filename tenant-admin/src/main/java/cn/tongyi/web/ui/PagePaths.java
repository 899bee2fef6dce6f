package cn.tongyi.web.ui;

/**
 * Which requests are browser pages rather than the JSON API: they get HTML errors, a login redirect instead of a 401,
 * and the CSRF check on writes. Member app /m/…, staff console /s/…, HQ console /hq…, the shared /ui/… and the login.
 */
public final class PagePaths {

    private PagePaths() {
    }

    public static boolean isPage(String path) {
        if (path == null) {
            return false;
        }
        return path.equals("/login") || path.equals("/logout") || path.equals("/")
                || path.startsWith("/m/") || path.startsWith("/s/") || path.equals("/hq") || path.startsWith("/hq/")
                || path.startsWith("/ui/");
    }

    /** A place to go back to after a switch or a login: only a path of this site, never another host. */
    public static String safeReturn(String path, String fallback) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        return path;
    }
}
