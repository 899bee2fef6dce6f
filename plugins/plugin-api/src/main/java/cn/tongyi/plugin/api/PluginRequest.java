package cn.tongyi.plugin.api;

import java.util.Optional;

/** What a caller sent to a plugin route. */
public interface PluginRequest {

    HttpMethod method();

    /** A parameter of the route's path template. */
    String pathParameter(String name);

    Optional<String> queryParameter(String name);

    Optional<String> header(String name);

    /**
     * The JSON body read into the plugin's own type (a record, say); a body that is not well-formed JSON of that shape
     * is refused with 400 before this returns.
     */
    <T> T body(Class<T> type);

    /** Whether the caller reads English rather than Chinese (Accept-Language). */
    boolean prefersEnglish();
}
