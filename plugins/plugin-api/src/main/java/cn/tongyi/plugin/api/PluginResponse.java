package cn.tongyi.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a plugin route answers: JSON (any object the platform can write as JSON: records, lists, maps, strings,
 * numbers), or bytes of a media type (a PNG, a PDF, a CSV).
 */
public record PluginResponse(int status, Object json, byte[] bytes, String mediaType, Map<String, String> headers) {

    public PluginResponse {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("A response is a success; refusals are thrown as PluginProblem");
        }
        headers = Map.copyOf(headers);
    }

    public static PluginResponse ok(Object json) {
        return new PluginResponse(200, json, null, null, Map.of());
    }

    public static PluginResponse created(Object json) {
        return new PluginResponse(201, json, null, null, Map.of());
    }

    public static PluginResponse noContent() {
        return new PluginResponse(204, null, null, null, Map.of());
    }

    /** Bytes of a media type, e.g. {@code image/png}; a file name makes browsers offer to save it. */
    public static PluginResponse bytes(String mediaType, byte[] content, String fileName) {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        return new PluginResponse(200, null, content.clone(), mediaType, fileName == null ? Map.of()
                : Map.of("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\""));
    }
}
