package cn.tongyi.plugin.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongyi.plugin.api.DomainEvent;
import cn.tongyi.plugin.api.DomainEventListener;
import cn.tongyi.plugin.api.PluginApi;
import cn.tongyi.plugin.api.PluginRoutes;
import cn.tongyi.plugin.api.PluginSettings;
import cn.tongyi.plugin.api.PluginTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The packaged plugin jar, loaded as the platform loads it: pf4j, from a folder, against the plugin API on the class
 * path. The test class path leaves out the module's own classes (see the pom), so they come from the jar alone.
 */
class PluginJarIT {

    private static final Path JAR = Path.of(System.getProperty("merchant-alliance.plugin-jar"));

    @TempDir
    Path pluginsFolder;

    private PluginManager manager;

    @BeforeEach
    void load() throws IOException {
        Files.copy(JAR, pluginsFolder.resolve(JAR.getFileName()));
        manager = new JarPluginManager(pluginsFolder);
        manager.loadPlugins();
        manager.startPlugins();
    }

    @AfterEach
    void unload() {
        // pf4j 3.15's stopPlugins() throws on shutdown: stop and unload each plugin instead.
        for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
            manager.stopPlugin(plugin.getPluginId());
            manager.unloadPlugin(plugin.getPluginId());
        }
    }

    @Test
    @DisplayName("the jar starts in pf4j as merchant-alliance, requiring plugin API 1.x")
    void starts() {
        PluginWrapper plugin = manager.getPlugin("merchant-alliance");

        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(plugin.getDescriptor().getRequires()).isEqualTo(">=1.2.0 & <2.0.0");
        assertThat(manager.getVersionManager().checkVersionConstraint(PluginApi.VERSION,
                plugin.getDescriptor().getRequires())).isTrue();
        assertThat(manager.getVersionManager().checkVersionConstraint("2.0.0",
                plugin.getDescriptor().getRequires())).isFalse();
        assertThat(plugin.getPlugin()).isInstanceOf(org.pf4j.Plugin.class);
        assertThat(plugin.getPlugin().getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
    }

    @Test
    @DisplayName("R-MERCHANT-1..5, R-MEMBER-2: the extensions are found through the jar's index")
    void extensions() {
        List<PluginRoutes> routes = manager.getExtensions(PluginRoutes.class, "merchant-alliance");
        List<PluginTables> tables = manager.getExtensions(PluginTables.class, "merchant-alliance");
        List<PluginSettings> settings = manager.getExtensions(PluginSettings.class, "merchant-alliance");
        List<DomainEventListener> listeners = manager.getExtensions(DomainEventListener.class, "merchant-alliance");

        assertThat(routes).singleElement().satisfies(r -> assertThat(r.routes()).hasSize(14));
        assertThat(tables).singleElement().satisfies(t -> assertThat(manager.getPlugin("merchant-alliance")
                .getPluginClassLoader().getResource(t.changelogPath())).isNotNull());
        assertThat(settings).singleElement().satisfies(s -> assertThat(s.settings()).hasSize(2));
        assertThat(listeners).singleElement()
                .satisfies(l -> assertThat(l.eventTypes()).containsExactly(DomainEvent.MEMBER_REGISTERED));
    }

    @Test
    @DisplayName("the jar bundles its libraries, its changelog and its font, but neither the plugin API nor pf4j")
    void contents() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("merchant-alliance");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Class"))
                    .isEqualTo("cn.tongyi.plugin.merchant.MerchantAlliancePlugin");
            assertThat(jar.getEntry("META-INF/extensions.idx")).isNotNull();
            assertThat(jar.getEntry("db/merchant-alliance/changelog.xml")).isNotNull();
            assertThat(jar.getEntry("cn/tongyi/plugin/merchant/handbook/NotoSansSC-Regular-GB2312.ttf")).isNotNull();
            assertThat(jar.getEntry("cn/tongyi/plugin/merchant/handbook/NotoSansSC-OFL.txt")).isNotNull();
            assertThat(jar.getEntry("org/apache/pdfbox/pdmodel/PDDocument.class")).isNotNull();
            assertThat(jar.getEntry("com/google/zxing/qrcode/QRCodeWriter.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/commons/csv/CSVPrinter.class")).isNotNull();
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.startsWith("cn/tongyi/plugin/api/") || name.startsWith("org/pf4j/"));
        }
    }

    @Test
    @DisplayName("the plugin jar is the only *-plugin.jar in target")
    void onlyPluginJar() throws IOException {
        try (Stream<Path> files = Files.list(JAR.getParent())) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith("-plugin.jar")))
                    .containsExactly(JAR);
        }
    }
}
