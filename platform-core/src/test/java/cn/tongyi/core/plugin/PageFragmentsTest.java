package cn.tongyi.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageFragmentsTest {

    @Test
    @DisplayName("A plugin page's HTML runs no script: script elements, event handlers and javascript: links are dropped")
    void noScript() {
        String safe = PageFragments.safe("<p onclick=\"steal()\">Hi<script>steal()</script></p>"
                + "<a href=\"javascript:steal()\">x</a><img src=x onerror=steal()>");
        assertThat(safe).doesNotContain("script").doesNotContain("onclick").doesNotContain("onerror")
                .doesNotContain("javascript").contains("<p>Hi</p>");
    }

    @Test
    @DisplayName("A plugin page's HTML cannot break out of the layout: unbalanced tags are closed, closing tags of the "
            + "layout dropped, and styles, frames, forms and ids removed")
    void staysInside() {
        String safe = PageFragments.safe("</main></body><div id=\"menu\" style=\"position:fixed\"><ul><li>one"
                + "<style>body{display:none}</style><iframe src=\"https://x\"></iframe>"
                + "<form action=\"/logout\"><button>go</button></form>");
        assertThat(safe).doesNotContain("</main>").doesNotContain("id=").doesNotContain("style")
                .doesNotContain("iframe").doesNotContain("form").endsWith("</li></ul></div>");
    }

    @Test
    @DisplayName("A plugin page keeps its content: tables, relative and https links, classes, and inline PNG images")
    void keepsContent() {
        String html = "<table class=\"list\"><caption>c</caption><tr><th scope=\"col\">a</th></tr></table>"
                + "<a href=\"/m/b1/plugins/p/handbook?scope=alliance\">h</a><a href=\"https://example.org/\">e</a>"
                + "<figure><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"QR\"><figcaption>f</figcaption>"
                + "</figure>";
        assertThat(PageFragments.safe(html)).contains("class=\"list\"").contains("<caption>c</caption>")
                .contains("scope=\"col\"").contains("href=\"/m/b1/plugins/p/handbook?scope=alliance\"")
                .contains("href=\"https://example.org/\"").contains("src=\"data:image/png;base64,iVBORw0KGgo=\"")
                .contains("<figcaption>f</figcaption>");
    }
}
