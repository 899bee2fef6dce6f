package cn.tongyi.plugin.merchant.web;

import cn.tongyi.plugin.api.PageFragment;
import java.util.List;
import java.util.stream.Collectors;

/** Small pieces of markup for the plugin's pages; every text placed in them is escaped. */
public final class Html {

    private Html() {
    }

    public static String text(Object value) {
        return PageFragment.escape(value == null ? "" : value.toString());
    }

    /** The reader's language of a pair of texts. */
    public static String say(boolean english, String zh, String en) {
        return text(english ? en : zh);
    }

    /** A table with a caption, a header row and rows of cells (already markup). */
    public static String table(String caption, List<String> headers, List<List<String>> rows) {
        return "<table><caption>" + text(caption) + "</caption><thead><tr>"
                + headers.stream().map(h -> "<th scope=\"col\">" + text(h) + "</th>").collect(Collectors.joining())
                + "</tr></thead><tbody>"
                + rows.stream().map(row -> "<tr>" + row.stream().map(cell -> "<td>" + cell + "</td>")
                        .collect(Collectors.joining()) + "</tr>").collect(Collectors.joining())
                + "</tbody></table>";
    }
}
