package cn.tongyi.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pod template carries checksums, so that changing a setting or the chart's Secret rolls the pods. */
class ChecksumTest {

  @Test
  void changingASettingChangesTheConfigChecksum() {
    String before = configChecksum(Render.chart());
    assertTrue(before.matches("[0-9a-f]{64}"), before);
    assertNotEquals(before, configChecksum(Render.chart().set("jwt.issuer", "https://hq.tongyi.example/issuer")));
    assertNotEquals(before, configChecksum(Render.chart().set("database.poolMaxSize", 30)));
  }

  @Test
  void unrelatedChangesKeepTheConfigChecksum() {
    assertEquals(configChecksum(Render.chart()), configChecksum(Render.chart().set("replicaCount", 2)));
  }

  @Test
  void changingTheDatabasePasswordChangesTheSecretChecksum() {
    String before = secretChecksum("first-password");
    assertNotEquals(before, secretChecksum("second-password"));
    assertEquals(before, secretChecksum("first-password"));
  }

  @Test
  void noSecretChecksumWhenTheSecretIsNotTheChartsOwn() {
    assertTrue(Render.chart().render().deployment().at("/spec/template/metadata/annotations")
        .path("checksum/database-secret").isMissingNode());
  }

  private static String configChecksum(Render render) {
    return render.render().deployment().at("/spec/template/metadata/annotations").path("checksum/config").asText();
  }

  private static String secretChecksum(String password) {
    return Render.chart()
        .set("database.existingSecret", "")
        .set("database.host", "pg.internal")
        .set("database.password", password)
        .render().deployment().at("/spec/template/metadata/annotations").path("checksum/database-secret").asText();
  }
}
