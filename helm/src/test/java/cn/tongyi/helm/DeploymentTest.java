package cn.tongyi.helm;

import static cn.tongyi.helm.Manifests.container;
import static cn.tongyi.helm.Manifests.env;
import static cn.tongyi.helm.Manifests.podSpec;
import static cn.tongyi.helm.Manifests.volumeMountedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DeploymentTest {

  private final Manifests defaults = Render.chart().render();
  private final JsonNode deployment = defaults.deployment();
  private final JsonNode app = container(deployment, "platform-core");

  @Test
  void probesCallTheQuarkusHealthEndpoints() {
    assertEquals(8080, app.at("/ports/0/containerPort").asInt());
    assertEquals("http", app.at("/ports/0/name").asText());
    assertProbe("startupProbe", "/q/health/started");
    assertProbe("livenessProbe", "/q/health/live");
    assertProbe("readinessProbe", "/q/health/ready");
  }

  @Test
  void startupProbeGivesTheJvmTimeBeforeLivenessCounts() {
    JsonNode startup = app.path("startupProbe");
    int startupBudget = startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt();
    assertTrue(startupBudget >= 120, "startup probe allows only " + startupBudget + "s");
  }

  @Test
  void podRunsAsNonRootWithRuntimeDefaultSeccomp() {
    JsonNode pod = podSpec(deployment).path("securityContext");
    assertTrue(pod.path("runAsNonRoot").asBoolean());
    assertEquals(185, pod.path("runAsUser").asInt());
    assertEquals("RuntimeDefault", pod.at("/seccompProfile/type").asText());
  }

  @Test
  void containerHasReadOnlyRootAndNoCapabilities() {
    JsonNode security = app.path("securityContext");
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
    assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
    assertTrue(security.path("runAsNonRoot").asBoolean());
    assertEquals(List.of("ALL"), texts(security.at("/capabilities/drop")));
    assertEquals("RuntimeDefault", security.at("/seccompProfile/type").asText());
  }

  @Test
  void tmpAndDataDirAreWritableEmptyDirs() {
    JsonNode config = defaults.get("ConfigMap", Render.FULLNAME).path("data");
    String dataDir = config.path("TONGYI_DATA_DIR").asText();
    assertEquals("/var/lib/tongyi", dataDir);
    for (String path : List.of("/tmp", dataDir)) {
      JsonNode volume = volumeMountedAt(deployment, app, path);
      assertTrue(volume.has("emptyDir"), path + " is not an emptyDir: " + volume);
    }
  }

  @Test
  void podsNeverMigrateAtStart() {
    assertEquals("false", env(app, "TONGYI_MIGRATE_AT_START").orElseThrow().path("value").asText());
  }

  @Test
  void settingsComeFromTheConfigMap() {
    assertEquals(Render.FULLNAME, app.at("/envFrom/0/configMapRef/name").asText());
    JsonNode config = defaults.get("ConfigMap", Render.FULLNAME).path("data");
    assertEquals("20", config.path("TONGYI_DB_POOL_MAX").asText());
    assertEquals("https://tongyi.example/issuer", config.path("TONGYI_JWT_ISSUER").asText());
    assertEquals("3600", config.path("TONGYI_JWT_LIFETIME").asText());
    assertEquals("/opt/tongyi/plugins", config.path("TONGYI_PLUGINS_DIR").asText());
  }

  @Test
  void clientAddressesComeFromTheIngressOnly() {
    JsonNode config = defaults.get("ConfigMap", Render.FULLNAME).path("data");
    assertEquals("true", config.path("TONGYI_BEHIND_PROXY").asText());
    assertEquals("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", config.path("TONGYI_TRUSTED_PROXIES").asText());
    JsonNode narrowed = Render.chart().set("clientAddress.trustedProxies[0]", "10.42.0.0/16")
        .render().get("ConfigMap", Render.FULLNAME).path("data");
    assertTrue(narrowed.path("TONGYI_TRUSTED_PROXIES").asText().startsWith("10.42.0.0/16"));
  }

  @Test
  void jvmHeapIsARatioOfTheMemoryLimit() {
    JsonNode config = Render.chart().set("jvm.maxMemRatio", 60).set("jvm.extraOpts", "-XX:+UseG1GC")
        .render().get("ConfigMap", Render.FULLNAME).path("data");
    assertEquals("60", config.path("JAVA_MAX_MEM_RATIO").asText());
    String opts = config.path("JAVA_OPTS_APPEND").asText();
    assertTrue(opts.contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"), opts);
    assertTrue(opts.endsWith("-XX:+UseG1GC"), opts);
    assertEquals("1Gi", app.at("/resources/limits/memory").asText());
    assertEquals(app.at("/resources/limits/memory"), app.at("/resources/requests/memory"));
  }

  @Test
  void rollingUpdateKeepsFullCapacity() {
    assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt());
    assertEquals(1, deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt());
  }

  @Test
  void serviceTargetsOnlyPlatformPods() {
    JsonNode service = defaults.get("Service", Render.FULLNAME);
    JsonNode selector = service.at("/spec/selector");
    assertEquals("platform", selector.path("app.kubernetes.io/component").asText());
    assertEquals(selector, deployment.at("/spec/selector/matchLabels"));
    assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
  }

  @Test
  void topologySpreadGetsThePodSelector() {
    JsonNode spread = podSpec(deployment).at("/topologySpreadConstraints/0");
    assertEquals("kubernetes.io/hostname", spread.path("topologyKey").asText());
    assertEquals(deployment.at("/spec/selector/matchLabels"), spread.at("/labelSelector/matchLabels"));
  }

  @Test
  void noServiceAccountTokenIsMounted() {
    assertFalse(podSpec(deployment).path("automountServiceAccountToken").asBoolean(true));
    assertEquals(Render.FULLNAME, podSpec(deployment).path("serviceAccountName").asText());
  }

  @Test
  void everyResourceCarriesTheStandardLabels() {
    for (JsonNode doc : defaults.all()) {
      JsonNode labels = doc.at("/metadata/labels");
      assertEquals(Render.RELEASE, labels.path("app.kubernetes.io/instance").asText(), doc.toString());
      assertEquals("tongyi", labels.path("app.kubernetes.io/name").asText(), doc.toString());
      assertEquals("Helm", labels.path("app.kubernetes.io/managed-by").asText(), doc.toString());
      assertFalse(labels.path("app.kubernetes.io/component").asText().isEmpty(), doc.toString());
    }
  }

  private void assertProbe(String probe, String path) {
    assertEquals(path, app.at("/" + probe + "/httpGet/path").asText(), probe);
    assertEquals("http", app.at("/" + probe + "/httpGet/port").asText(), probe);
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList());
  }
}
