package cn.tongyi.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API, semantic: a plugin built against 1.x runs on every platform offering 1.y with y ≥ x, and on
 * no 2.z. A plugin says what it needs in its {@code Plugin-Requires} (e.g. {@code >=1.0.0 & <2.0.0}); the platform
 * refuses, and lists as refused, a plugin whose requirement its API version does not meet.
 */
public final class PluginApi {

    /** This API's version, as built (from the Maven project's version). */
    public static final String VERSION = readVersion();

    private PluginApi() {
    }

    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("plugin-api.properties is missing from the plugin API", e));
        }
    }
}
