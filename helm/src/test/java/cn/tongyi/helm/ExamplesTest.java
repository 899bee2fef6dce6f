package cn.tongyi.helm;

import static cn.tongyi.helm.Manifests.container;
import static cn.tongyi.helm.SecretsTest.assertSecretRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The two example values files render what they promise. */
class ExamplesTest {

  @Test
  void productionExampleScalesWithHpaAndPdb() {
    Manifests rendered = Render.chart().values(Render.PRODUCTION_EXAMPLE).render();
    JsonNode hpa = rendered.get("HorizontalPodAutoscaler", Render.FULLNAME);
    assertEquals(3, hpa.at("/spec/minReplicas").asInt());
    assertTrue(hpa.at("/spec/maxReplicas").asInt() > 3);
    assertTrue(rendered.deployment().at("/spec/replicas").isMissingNode());
    assertEquals(1, rendered.get("PodDisruptionBudget", Render.FULLNAME).at("/spec/maxUnavailable").asInt());
  }

  @Test
  void productionExampleServesTlsThroughTheIngress() {
    JsonNode ingress = Render.chart().values(Render.PRODUCTION_EXAMPLE).render().get("Ingress", Render.FULLNAME);
    assertEquals("tongyi.example.com", ingress.at("/spec/rules/0/host").asText());
    assertEquals("tongyi-tls", ingress.at("/spec/tls/0/secretName").asText());
    assertEquals("tongyi.example.com", ingress.at("/spec/tls/0/hosts/0").asText());
    assertEquals(Render.FULLNAME, ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText());
    assertEquals(8080, ingress.at("/spec/rules/0/http/paths/0/backend/service/port/number").asInt());
  }

  @Test
  void productionExampleUsesExistingSecretsOnly() {
    Manifests rendered = Render.chart().values(Render.PRODUCTION_EXAMPLE).includingHooks().render();
    assertTrue(rendered.ofKind("Secret").isEmpty(), rendered.summary());
    JsonNode app = container(rendered.deployment(), "platform-core");
    assertSecretRef(app, "TONGYI_DB_PASSWORD", "tongyi-db", "password");
    assertSecretRef(app, "TONGYI_ADMIN_PASSWORD", "tongyi-admin", "password");
    assertEquals("tongyi-registry", rendered.deployment().at("/spec/template/spec/imagePullSecrets/0/name").asText());
    assertEquals("tongyi-registry", rendered.migrationJob().at("/spec/template/spec/imagePullSecrets/0/name").asText());
  }

  @Test
  void productionExampleHeapFitsTheLimit() {
    Manifests rendered = Render.chart().values(Render.PRODUCTION_EXAMPLE).render();
    JsonNode app = container(rendered.deployment(), "platform-core");
    assertEquals("2Gi", app.at("/resources/limits/memory").asText());
    assertEquals("75", rendered.get("ConfigMap", Render.FULLNAME).at("/data/JAVA_MAX_MEM_RATIO").asText());
  }

  @Test
  void smallExampleRunsOnePodWithoutHpaPdbOrIngress() {
    Manifests rendered = Render.chart().values(Render.SMALL_EXAMPLE).render();
    assertEquals(1, rendered.deployment().at("/spec/replicas").asInt());
    assertTrue(rendered.ofKind("HorizontalPodAutoscaler").isEmpty());
    assertTrue(rendered.ofKind("PodDisruptionBudget").isEmpty());
    assertTrue(rendered.ofKind("Ingress").isEmpty());
    assertEquals("768Mi", container(rendered.deployment(), "platform-core").at("/resources/limits/memory").asText());
  }

  @Test
  void ingressIsOffByDefault() {
    assertTrue(Render.chart().render().ofKind("Ingress").isEmpty());
  }
}
