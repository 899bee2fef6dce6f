package cn.tongyi.plugin.merchant.web;

import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginRequest;
import java.util.UUID;

/** Reading the parts of a request, each refused with a slug that names the part at fault. */
public final class Requests {

    private Requests() {
    }

    /** The JSON body as the type; an empty body is 400 {@code body-required}. */
    public static <T> T body(PluginRequest request, Class<T> type) {
        T body = request.body(type);
        if (body == null) {
            throw PluginProblem.badRequest("body-required", "This request needs a JSON body");
        }
        return body;
    }

    /** A record's id in the path; anything that is not an id names nothing here (404). */
    public static UUID pathId(PluginRequest request, String name, String notFoundSlug) {
        String value = request.pathParameter(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw PluginProblem.notFound(notFoundSlug, "Nothing here is named " + name + " " + value);
        }
    }

    /** A text field that must be there: trimmed, not blank, at most {@code maxLength} characters (400 otherwise). */
    public static String requiredText(String value, int maxLength, String slug, String field) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw PluginProblem.badRequest(slug, field + " is required, at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
