package cn.tongyi.core.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The plugins folder of the tests: the merchant-alliance plugin jar exactly as Maven built it, and jars made here from
 * the test plugin ({@code cn.tongyi.testplugin}): {@code trouble} (routes that throw, a listener that can be told to
 * fail, its own table), {@code future} (the same, built for plugin API 2: refused) and {@code broken} (fails to
 * start).
 */
public final class PluginJars {

    public static final String MERCHANT = "merchant-alliance";
    public static final String TROUBLE = "trouble";
    public static final String FUTURE = "future";
    public static final String BROKEN = "broken";

    private static final Path TEST_CLASSES = Path.of("target", "test-classes");
    private static final Path MERCHANT_BUILD = Path.of("..", "plugins", "merchant-alliance", "target");
    private static final String PLUGIN_PACKAGE = "cn/tongyi/testplugin/";
    private static final List<String> EXTENSIONS = List.of("cn.tongyi.testplugin.TroubleRoutes",
            "cn.tongyi.testplugin.TroubleListener", "cn.tongyi.testplugin.TroubleTables",
            "cn.tongyi.testplugin.TroubleSettings");

    private PluginJars() {
    }

    /** Fills the folder and returns it. */
    public static Path into(Path folder) {
        try {
            Files.createDirectories(folder);
            Optional<Path> merchant = merchantJar();
            if (merchant.isPresent()) {
                Files.copy(merchant.get(), folder.resolve(merchant.get().getFileName()));
            }
            testPlugin(folder.resolve("trouble-1.0.0.jar"), TROUBLE, "cn.tongyi.testplugin.TroublePlugin",
                    ">=1.0.0 & <2.0.0");
            testPlugin(folder.resolve("future-2.0.0.jar"), FUTURE, "cn.tongyi.testplugin.TroublePlugin",
                    ">=2.0.0 & <3.0.0");
            testPlugin(folder.resolve("broken-1.0.0.jar"), BROKEN, "cn.tongyi.testplugin.BrokenPlugin",
                    ">=1.0.0 & <2.0.0");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jar the merchant-alliance module built (the reactor builds it before platform-core); the tests of the
     * merchant alliance fail, saying so, when it is missing.
     */
    public static Optional<Path> merchantJar() throws IOException {
        try (Stream<Path> files = Files.exists(MERCHANT_BUILD) ? Files.list(MERCHANT_BUILD) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-plugin.jar")).findFirst();
        }
    }

    /** Where the merchant-alliance jar is expected, for the message of a test that misses it. */
    public static String merchantBuild() {
        return MERCHANT_BUILD.toAbsolutePath().normalize().toString();
    }

    private static void testPlugin(Path jar, String id, String pluginClass, String requires) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", requires.startsWith(">=2") ? "2.0.0" : "1.0.0");
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Class", pluginClass);
        main.putValue("Plugin-Provider", "Tongyi tests");
        main.putValue("Plugin-Description", "Test plugin " + id);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            add(jarOut, "META-INF/extensions.idx", String.join("\n", EXTENSIONS).getBytes(StandardCharsets.UTF_8));
            for (Path root : List.of(TEST_CLASSES.resolve(PLUGIN_PACKAGE), TEST_CLASSES.resolve("db/trouble"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        add(jarOut, TEST_CLASSES.relativize(file).toString().replace('\\', '/'),
                                Files.readAllBytes(file));
                    }
                }
            }
        }
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }
}
