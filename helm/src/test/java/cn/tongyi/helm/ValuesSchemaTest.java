package cn.tongyi.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** values.schema.json refuses wrong types and missing required values before anything is rendered. */
class ValuesSchemaTest {

  @Test
  void replicaCountMustBeAnInteger() {
    assertRefused(Render.chart().set("replicaCount", "three"), "/replicaCount");
  }

  @Test
  void replicaCountMustBeAtLeastOne() {
    assertRefused(Render.chart().set("replicaCount", 0), "/replicaCount");
  }

  @Test
  void imageRepositoryIsRequired() {
    assertRefused(Render.chart().values("image:\n  repository: null\n"), "repository");
  }

  @Test
  void imageRepositoryMustNotBeEmpty() {
    assertRefused(Render.chart().set("image.repository", ""), "/image/repository");
  }

  @Test
  void databaseHostIsRequiredWhenTheUrlIsNotInTheSecret() {
    assertRefused(Render.chart().set("database.existingSecretKeys.url", ""), "/database/host");
  }

  @Test
  void chartCreatedDatabaseSecretNeedsHostAndPassword() {
    assertRefused(Render.chart().set("database.existingSecret", "").set("database.host", "pg"), "/database/password");
    assertRefused(Render.chart().set("database.existingSecret", "").set("database.password", "pw"), "/database/host");
  }

  @Test
  void jwtPiiAndAdminSecretsAreRequired() {
    assertRefused(Render.chart().set("jwt.existingSecret", ""), "/jwt/existingSecret");
    assertRefused(Render.chart().set("pii.existingSecret", ""), "/pii/existingSecret");
    assertRefused(Render.chart().set("admin.existingSecret", ""), "/admin/existingSecret");
  }

  @Test
  void memoryLimitIsRequiredToSizeTheHeap() {
    assertRefused(Render.chart().values("resources:\n  limits: null\n"), "limits");
  }

  @Test
  void heapRatioMustLeaveRoomOutsideTheHeap() {
    assertRefused(Render.chart().set("jvm.maxMemRatio", 100), "/jvm/maxMemRatio");
  }

  @Test
  void portsMustBeIntegers() {
    assertRefused(Render.chart().set("service.port", "http"), "/service/port");
    assertRefused(Render.chart().set("database.port", "five"), "/database/port");
  }

  @Test
  void booleansMustBeBooleans() {
    assertRefused(Render.chart().set("autoscaling.enabled", "yes"), "/autoscaling/enabled");
  }

  @Test
  void misspelledKeysAreRefused() {
    assertRefused(Render.chart().set("replicas", 3), "replicas");
    assertRefused(Render.chart().set("database.hostname", "pg"), "hostname");
  }

  @Test
  void pluginIdsCannotSmuggleSeparators() {
    assertRefused(Render.chart().set("plugins.existingVolumeClaim", "p").set("plugins.enabled[0]", "a;b"),
        "/plugins/enabled/0");
  }

  private static void assertRefused(Render render, String mention) {
    String error = render.renderFailure();
    assertTrue(error.contains("schema"), error);
    assertTrue(error.contains(mention), "expected the error to mention " + mention + ":\n" + error);
  }
}
