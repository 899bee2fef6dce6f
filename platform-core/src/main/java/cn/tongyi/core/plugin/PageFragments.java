package cn.tongyi.core.plugin;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * What the host does to a plugin page's HTML before placing it in its layout. Plugins are trusted code, but their
 * output must not break the page around it: the fragment is parsed as the content of a {@code <section>} and written
 * out again, so its tags are balanced and it cannot close the layout's elements; only a safe subset of HTML is kept
 * (text, headings, lists, tables, links, images, figures), so it runs no script (no {@code <script>}, no event
 * handler, no {@code javascript:} link), brings no style or frame, posts no form, and takes no {@code id} the layout
 * uses. Links stay relative or http(s); images may also be {@code data:} (a QR code). Pure.
 */
final class PageFragments {

    private static final Safelist KEPT = Safelist.relaxed()
            .addTags("section", "article", "header", "footer", "figure", "figcaption", "hr", "time", "abbr", "mark")
            .addAttributes(":all", "class", "lang", "aria-label")
            .addAttributes("time", "datetime")
            .addAttributes("abbr", "title")
            .addProtocols("img", "src", "data")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    /** A base only for resolving relative links while cleaning; relative links are written back as they were. */
    private static final String BASE = "https://plugin.page.invalid/";

    private PageFragments() {
    }

    static String safe(String fragment) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(fragment, BASE, KEPT, output);
    }
}
