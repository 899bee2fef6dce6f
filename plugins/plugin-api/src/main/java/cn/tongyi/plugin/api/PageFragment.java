package cn.tongyi.plugin.api;

import java.util.Objects;

/**
 * (Since 1.2) What a plugin's page renders: its title (plain text) and its content as an HTML fragment, which the host
 * places inside its layout. The plugin escapes what it interpolates (see {@link #escape}); the host then keeps only
 * a safe subset of HTML: text, headings, lists, tables, links, images (including {@code data:image/png} ones),
 * figures and description lists, with {@code class}, {@code alt}, {@code href}, {@code src} and a few table
 * attributes. It drops scripts, styles, frames, forms, inline event handlers, {@code style} and {@code id}
 * attributes, and balances the tags, so that a fragment can neither run code nor break out of the layout.
 */
public record PageFragment(String title, String html) {

    public PageFragment {
        Objects.requireNonNull(html, "html");
    }

    /** A fragment titled by the page's label. */
    public static PageFragment of(String html) {
        return new PageFragment(null, html);
    }

    /** Text made safe to place in HTML content or a quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
