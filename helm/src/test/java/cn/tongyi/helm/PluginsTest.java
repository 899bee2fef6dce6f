package cn.tongyi.helm;

import static cn.tongyi.helm.Manifests.container;
import static cn.tongyi.helm.Manifests.initContainer;
import static cn.tongyi.helm.Manifests.volumeMountedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plugin jars reach TONGYI_PLUGINS_DIR from the application image (built with it), or instead from a plugin image
 * (init container) or a volume claim.
 */
class PluginsTest {

  private static final String PLUGINS_DIR = "/opt/tongyi/plugins";

  @Test
  void pluginImageIsCopiedIntoTheFolderByAnInitContainer() {
    Manifests rendered = Render.chart().includingHooks()
        .set("plugins.image.repository", "registry.example.com/tongyi/plugins")
        .set("plugins.image.tag", "0.2.0")
        .set("plugins.enabled[0]", "merchant-alliance")
        .set("plugins.enabled[1]", "gov-export")
        .render();
    assertEquals("merchant-alliance,gov-export",
        rendered.get("ConfigMap", Render.FULLNAME).at("/data/TONGYI_PLUGINS_ENABLED").asText());
    assertEquals(PLUGINS_DIR, rendered.get("ConfigMap", Render.FULLNAME).at("/data/TONGYI_PLUGINS_DIR").asText());

    for (JsonNode workload : List.of(rendered.deployment(), rendered.migrationJob())) {
      JsonNode copy = initContainer(workload, "copy-plugins").orElseThrow();
      assertEquals("registry.example.com/tongyi/plugins:0.2.0", copy.path("image").asText());
      assertTrue(copy.at("/securityContext/readOnlyRootFilesystem").asBoolean());
      JsonNode target = volumeMountedAt(workload, copy, PLUGINS_DIR);
      assertTrue(target.has("emptyDir"), target.toString());

      JsonNode app = workload.at("/spec/template/spec/containers/0");
      assertEquals(target, volumeMountedAt(workload, app, PLUGINS_DIR), "the app reads what the init container wrote");
    }
    JsonNode appMount = container(rendered.deployment(), "platform-core").path("volumeMounts");
    for (JsonNode mount : appMount) {
      if (PLUGINS_DIR.equals(mount.path("mountPath").asText())) {
        assertTrue(mount.path("readOnly").asBoolean(), "the app cannot change its plugins");
      }
    }
  }

  @Test
  void pluginsFromAnExistingVolumeClaimAreMountedReadOnly() {
    Manifests rendered = Render.chart()
        .set("plugins.existingVolumeClaim", "tongyi-plugins")
        .set("plugins.enabled[0]", "insurance-claims")
        .render();
    JsonNode deployment = rendered.deployment();
    assertTrue(initContainer(deployment, "copy-plugins").isEmpty());
    JsonNode volume = volumeMountedAt(deployment, container(deployment, "platform-core"), PLUGINS_DIR);
    assertEquals("tongyi-plugins", volume.at("/persistentVolumeClaim/claimName").asText());
    assertTrue(volume.at("/persistentVolumeClaim/readOnly").asBoolean());
  }

  @Test
  void theImagesOwnPluginsByDefault() {
    Manifests rendered = Render.chart().render();
    assertEquals("", rendered.get("ConfigMap", Render.FULLNAME).at("/data/TONGYI_PLUGINS_ENABLED").asText());
    assertFalse(rendered.deployment().at("/spec/template/spec").has("initContainers"));
    assertNoVolumeOverThePluginsBuiltIntoTheImage(rendered.deployment());
  }

  @Test
  void choosingAmongTheImagesOwnPlugins() {
    Manifests rendered = Render.chart().set("plugins.enabled[0]", "merchant-alliance").render();
    assertEquals("merchant-alliance",
        rendered.get("ConfigMap", Render.FULLNAME).at("/data/TONGYI_PLUGINS_ENABLED").asText());
    assertNoVolumeOverThePluginsBuiltIntoTheImage(rendered.deployment());
  }

  private static void assertNoVolumeOverThePluginsBuiltIntoTheImage(JsonNode deployment) {
    for (JsonNode mount : container(deployment, "platform-core").path("volumeMounts")) {
      assertNotEquals(PLUGINS_DIR, mount.path("mountPath").asText(), "a volume would hide the image's plugins");
    }
  }

  @Test
  void imageAndVolumeClaimTogetherAreRefused() {
    String error = Render.chart()
        .set("plugins.image.repository", "registry.example.com/tongyi/plugins")
        .set("plugins.existingVolumeClaim", "tongyi-plugins")
        .renderFailure();
    assertTrue(error.contains("not both"), error);
  }
}
