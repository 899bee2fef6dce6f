package cn.tongyi.plugin.api;

import java.util.Optional;

/**
 * (Since 1.2) What a reader asked of a plugin's page. Plain values only: no servlet, JAX-RS or template type reaches a
 * plugin, so the host may change how it serves pages without breaking one.
 */
public interface PageRequest {

    /** The code of the branch the page is shown in (also {@link PluginContext#branch()}). */
    String branch();

    /** The face it is shown in. */
    Audience audience();

    /** A parameter of the page's path template. */
    String pathParameter(String name);

    Optional<String> queryParameter(String name);

    /** Whether the reader chose English rather than Chinese. */
    boolean prefersEnglish();

    /**
     * The address of a page of this plugin in the same branch and face, e.g. {@code pageUrl("/merchants/" + id)}, for
     * links in the fragment; the host checks the reader's access when it is opened.
     */
    String pageUrl(String path);
}
