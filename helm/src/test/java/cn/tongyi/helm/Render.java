package cn.tongyi.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Renders the chart the way {@code helm template} / {@code helm lint} would, through the Helm library for Java
 * (native Helm inside the jar; no helm binary, no cluster).
 *
 * <p>Two gaps of helm-java 0.0.21 are bridged here, both without changing what Helm itself decides:
 * <ul>
 *   <li>Its template call returns the release manifest only, like {@code helm template --no-hooks}. To assert on
 *   hook resources (the migration Job, the test pod) {@link #includingHooks()} renders a copy of the chart in which
 *   the {@code helm.sh/hook*} annotation keys are renamed, so Helm keeps those documents in the manifest; the parser
 *   renames the keys back. Whether a resource really is a hook is asserted on the unmodified chart.</li>
 *   <li>Its lint call takes no values files. {@link #lint(Path...)} lints a copy of the chart whose values.yaml is the
 *   chart's defaults overlaid with the files, merged the way Helm coalesces values (maps merge, lists and scalars
 *   replace, null removes a key).</li>
 * </ul>
 */
final class Render {

  static final Path CHART = Paths.get("tongyi");
  static final Path PRODUCTION_EXAMPLE = CHART.resolve("examples/values-production.yaml");
  static final Path SMALL_EXAMPLE = CHART.resolve("examples/values-small.yaml");

  /** Release name; the chart's resources are named {@value #FULLNAME}. */
  static final String RELEASE = "hq";
  static final String FULLNAME = "hq-tongyi";
  static final String NAMESPACE = "tongyi";
  /** helm-java reports Kubernetes v1.20 without a cluster; the chart requires 1.25+. */
  static final String KUBE_VERSION = "1.31.0";

  private static final String HOOK_KEY = "helm.sh/hook";
  private static final String VISIBLE_HOOK_KEY = "rendered-as-manifest.test/hook";
  private static final Path WORK = Paths.get("target", "chart-copies");
  private static final AtomicInteger COPIES = new AtomicInteger();
  private static Path chartWithVisibleHooks;

  private final Map<String, Object> sets = new LinkedHashMap<>();
  private final List<Path> valuesFiles = new ArrayList<>();
  private boolean includingHooks;

  private Render() {
  }

  static Render chart() {
    return new Render();
  }

  /** Adds a values file ({@code -f}). */
  Render values(Path file) {
    valuesFiles.add(file);
    return this;
  }

  /** Adds values given as YAML text ({@code -f} of a temporary file). */
  Render values(String yaml) {
    valuesFiles.add(write("values-" + COPIES.incrementAndGet() + ".yaml", yaml));
    return this;
  }

  /** Sets one value ({@code --set key=value}); lists as {@code key[0]}, {@code key[1]}. */
  Render set(String key, Object value) {
    sets.put(key, value);
    return this;
  }

  /** Also renders the hook resources (migration Job and its Secret, the helm test pod), see the class comment. */
  Render includingHooks() {
    includingHooks = true;
    return this;
  }

  /** Renders and parses; a failed render (schema, {@code fail}, template error) throws. */
  Manifests render() {
    String text = template().call();
    return Manifests.parse(includingHooks ? text.replace(VISIBLE_HOOK_KEY, HOOK_KEY) : text);
  }

  /** Renders, expecting Helm to refuse; returns Helm's message. */
  String renderFailure() {
    try {
      String text = template().call();
      throw new AssertionError("expected Helm to refuse these values, but it rendered:\n" + text);
    } catch (IllegalStateException refused) {
      return refused.getMessage();
    }
  }

  /** The rendered NOTES.txt, from a client-only dry-run install. */
  String notes() {
    InstallCommand install = new Helm(CHART).install()
        .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION)
        .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT);
    for (Path file : valuesFiles) {
      install = install.withValuesFile(file);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      install = install.set(set.getKey(), set.getValue());
    }
    String output = install.call().getOutput();
    int notes = output.indexOf("NOTES:");
    if (notes < 0) {
      throw new AssertionError("no NOTES in the install output:\n" + output);
    }
    return output.substring(notes);
  }

  private TemplateCommand template() {
    TemplateCommand template = new Helm(includingHooks ? chartWithVisibleHooks() : CHART).template()
        .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    for (Path file : valuesFiles) {
      template = template.withValuesFile(file.toAbsolutePath());
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return template;
  }

  /** {@code helm lint --strict} of the chart, with the given values files overlaid on its defaults. */
  static LintResult lint(Path... valuesFiles) {
    if (valuesFiles.length == 0) {
      return new Helm(CHART).lint().strict().call();
    }
    Path copy = copyChart("lint-" + COPIES.incrementAndGet(), false);
    ObjectNode values = (ObjectNode) Manifests.readYaml(read(CHART.resolve("values.yaml")));
    for (Path file : valuesFiles) {
      coalesce(values, Manifests.readYaml(read(file)));
    }
    try {
      Files.writeString(copy.resolve("values.yaml"), Manifests.YAML.writeValueAsString(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Helm(copy).lint().strict().call();
  }

  /** Helm's coalescing of user values over defaults: maps merge, null removes, anything else replaces. */
  private static void coalesce(ObjectNode base, JsonNode overlay) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode current = base.get(field.getKey());
      if (field.getValue().isNull()) {
        base.remove(field.getKey());
      } else if (current instanceof ObjectNode && field.getValue().isObject()) {
        coalesce((ObjectNode) current, field.getValue());
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  static Path write(String name, String content) {
    try {
      Files.createDirectories(WORK);
      return Files.writeString(WORK.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path chartWithVisibleHooks() {
    if (chartWithVisibleHooks == null) {
      chartWithVisibleHooks = copyChart("with-visible-hooks", true);
    }
    return chartWithVisibleHooks;
  }

  private static Path copyChart(String name, boolean renameHookAnnotations) {
    Path target = WORK.resolve(name).resolve(CHART.getFileName());
    try {
      deleteRecursively(target);
      try (Stream<Path> files = Files.walk(CHART)) {
        for (Path source : (Iterable<Path>) files::iterator) {
          Path destination = target.resolve(CHART.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(destination);
          } else if (renameHookAnnotations && source.startsWith(CHART.resolve("templates"))) {
            Files.writeString(destination, read(source).replace(HOOK_KEY, VISIBLE_HOOK_KEY));
          } else {
            Files.copy(source, destination);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
