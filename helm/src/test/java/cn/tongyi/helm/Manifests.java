package cn.tongyi.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The documents of one rendering, with finders for the resources the tests look at. */
final class Manifests {

  static final YAMLMapper YAML = new YAMLMapper();

  private final String text;
  private final List<JsonNode> documents;

  private Manifests(String text, List<JsonNode> documents) {
    this.text = text;
    this.documents = documents;
  }

  static Manifests parse(String text) {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
      List<JsonNode> documents = new ArrayList<>();
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject()) {
          documents.add(doc);
        }
      }
      return new Manifests(text, documents);
    } catch (IOException e) {
      throw new UncheckedIOException("rendered output is not YAML:\n" + text, e);
    }
  }

  static JsonNode readYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole rendered output, as Helm printed it. */
  String text() {
    return text;
  }

  List<JsonNode> all() {
    return documents;
  }

  List<JsonNode> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).collect(Collectors.toList());
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream().filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError(
        "no " + kind + " named " + name + "; rendered: " + summary()));
  }

  /** The release's Deployment. */
  JsonNode deployment() {
    return get("Deployment", Render.FULLNAME);
  }

  /** The migration hook Job (needs {@link Render#includingHooks()}). */
  JsonNode migrationJob() {
    return get("Job", Render.FULLNAME + "-migrate");
  }

  String summary() {
    return documents.stream()
        .map(d -> d.path("kind").asText() + "/" + d.at("/metadata/name").asText())
        .collect(Collectors.joining(", "));
  }

  // --- helpers on workload documents (Deployment, Job) -----------------------------------------------------------

  static JsonNode podSpec(JsonNode workload) {
    return workload.at("/spec/template/spec");
  }

  static JsonNode container(JsonNode workload, String name) {
    return find(podSpec(workload).path("containers"), name)
        .orElseThrow(() -> new AssertionError("no container " + name + " in " + workload.at("/metadata/name")));
  }

  static Optional<JsonNode> initContainer(JsonNode workload, String name) {
    return find(podSpec(workload).path("initContainers"), name);
  }

  static Optional<JsonNode> env(JsonNode container, String name) {
    return find(container.path("env"), name);
  }

  static Optional<JsonNode> volume(JsonNode workload, String name) {
    return find(podSpec(workload).path("volumes"), name);
  }

  /** The volume mounted at the given path in the container. */
  static JsonNode volumeMountedAt(JsonNode workload, JsonNode container, String mountPath) {
    String volumeName = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
        .filter(m -> mountPath.equals(m.path("mountPath").asText()))
        .map(m -> m.path("name").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + mountPath));
    return volume(workload, volumeName).orElseThrow(() -> new AssertionError("no volume " + volumeName));
  }

  static Optional<JsonNode> find(JsonNode namedList, String name) {
    return StreamSupport.stream(namedList.spliterator(), false)
        .filter(n -> name.equals(n.path("name").asText()))
        .findFirst();
  }

  static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
