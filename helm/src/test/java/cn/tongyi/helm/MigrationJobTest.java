package cn.tongyi.helm;

import static cn.tongyi.helm.Manifests.container;
import static cn.tongyi.helm.Manifests.env;
import static cn.tongyi.helm.Manifests.podSpec;
import static cn.tongyi.helm.Manifests.volumeMountedAt;
import static cn.tongyi.helm.SecretsTest.assertSecretRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-install/pre-upgrade hook Job that migrates the platform schema and every branch schema. */
class MigrationJobTest {

  @Test
  void migrationJobIsAPreInstallAndPreUpgradeHook() {
    JsonNode annotations = Render.chart().includingHooks().render().migrationJob().at("/metadata/annotations");
    assertEquals("pre-install,pre-upgrade", annotations.path("helm.sh/hook").asText());
    assertEquals("0", annotations.path("helm.sh/hook-weight").asText());
    assertEquals("before-hook-creation,hook-succeeded", annotations.path("helm.sh/hook-delete-policy").asText());
  }

  @Test
  void helmTreatsTheJobAsAHookNotAReleaseResource() {
    Manifests release = Render.chart().render();
    assertTrue(release.ofKind("Job").isEmpty(), release.summary());
    assertTrue(Render.chart().includingHooks().render().find("Job", Render.FULLNAME + "-migrate").isPresent());
  }

  @Test
  void jobRunsTheMigrateCommandOnceWithFewRetries() {
    JsonNode job = Render.chart().includingHooks().render().migrationJob();
    JsonNode migrate = container(job, "migrate");
    assertEquals(List.of("migrate"), DeploymentTest.texts(migrate.path("args")));
    assertFalse(migrate.has("command"), "the image's run-java.sh entrypoint must stay in charge");
    assertEquals("Never", podSpec(job).path("restartPolicy").asText());
    int backoffLimit = job.at("/spec/backoffLimit").asInt(-1);
    assertTrue(backoffLimit >= 0 && backoffLimit <= 2, "backoffLimit " + backoffLimit);
    assertTrue(job.at("/spec/activeDeadlineSeconds").asInt() > 0);
  }

  @Test
  void jobUsesTheSameSecretsAndSettingsAsThePods() {
    Manifests rendered = Render.chart().includingHooks().render();
    JsonNode job = rendered.migrationJob();
    JsonNode migrate = container(job, "migrate");
    assertSecretRef(migrate, "TONGYI_DB_URL", "tongyi-db", "jdbc-url");
    assertSecretRef(migrate, "TONGYI_DB_USER", "tongyi-db", "username");
    assertSecretRef(migrate, "TONGYI_DB_PASSWORD", "tongyi-db", "password");
    assertSecretRef(migrate, "TONGYI_ADMIN_PASSWORD", "tongyi-admin", "password");
    assertEquals("tongyi-jwt", volumeMountedAt(job, migrate, "/etc/tongyi/jwt").at("/secret/secretName").asText());
    assertEquals("tongyi-pii", volumeMountedAt(job, migrate, "/etc/tongyi/pii").at("/secret/secretName").asText());

    JsonNode config = rendered.get("ConfigMap", Render.FULLNAME).path("data");
    for (String setting : List.of("TONGYI_JWT_ISSUER", "TONGYI_PII_KEYSET_FILE", "TONGYI_DATA_DIR",
        "TONGYI_PLUGINS_DIR", "TONGYI_PLUGINS_ENABLED", "JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND")) {
      assertEquals(config.path(setting).asText(), env(migrate, setting).orElseThrow().path("value").asText(), setting);
    }
    assertEquals("2", env(migrate, "TONGYI_DB_POOL_MAX").orElseThrow().path("value").asText());
    assertEquals("false", env(migrate, "TONGYI_MIGRATE_AT_START").orElseThrow().path("value").asText(),
        "the migrate command migrates; a migration at start would only repeat the platform part");
  }

  @Test
  void jobCanReachPostgresDirectlyWhilePodsGoThroughPgBouncer() {
    Manifests rendered = Render.chart().includingHooks()
        .set("database.existingSecretKeys.url", "pgbouncer-jdbc-url")
        .set("database.existingSecretKeys.migrationUrl", "direct-jdbc-url")
        .render();
    assertSecretRef(container(rendered.migrationJob(), "migrate"), "TONGYI_DB_URL", "tongyi-db", "direct-jdbc-url");
    assertSecretRef(container(rendered.deployment(), "platform-core"), "TONGYI_DB_URL", "tongyi-db", "pgbouncer-jdbc-url");
  }

  @Test
  void jobRunsWithTheSameSecurityContextAsThePods() {
    JsonNode job = Render.chart().includingHooks().render().migrationJob();
    JsonNode security = container(job, "migrate").path("securityContext");
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
    assertEquals(List.of("ALL"), DeploymentTest.texts(security.at("/capabilities/drop")));
    assertTrue(podSpec(job).at("/securityContext/runAsNonRoot").asBoolean());
    assertTrue(volumeMountedAt(job, container(job, "migrate"), "/tmp").has("emptyDir"));
  }

  /** A pre-install hook runs before the release's ordinary resources exist. */
  @Test
  void jobReadsNothingThatTheReleaseCreatesLater() {
    Manifests rendered = Render.chart().includingHooks()
        .set("database.existingSecret", "")
        .set("database.host", "pg.internal")
        .set("database.password", "only-for-this-test")
        .render();
    JsonNode job = rendered.migrationJob();
    JsonNode migrate = container(job, "migrate");
    assertFalse(migrate.has("envFrom"), "the ConfigMap does not exist yet on install");
    assertEquals("jdbc:postgresql://pg.internal:5432/tongyi",
        env(migrate, "TONGYI_DB_URL").orElseThrow().path("value").asText());

    String copyName = Render.FULLNAME + "-database-migration";
    assertSecretRef(migrate, "TONGYI_DB_PASSWORD", copyName, "password");
    JsonNode copy = rendered.get("Secret", copyName).at("/metadata/annotations");
    assertEquals("pre-install,pre-upgrade", copy.path("helm.sh/hook").asText());
    assertTrue(copy.path("helm.sh/hook-weight").asInt() < job.at("/metadata/annotations/helm.sh~1hook-weight").asInt(),
        "the Secret copy must be created before the Job");
    assertTrue(copy.path("helm.sh/hook-delete-policy").asText().contains("hook-succeeded"));
    assertEquals(rendered.get("Secret", Render.FULLNAME + "-database").path("data"), rendered.get("Secret", copyName).path("data"));

    assertNotEquals(rendered.deployment().at("/spec/template/spec/serviceAccountName").asText(),
        podSpec(job).path("serviceAccountName").asText(), "the chart's ServiceAccount does not exist yet on install");
  }

  @Test
  void jobRunsUnderAServiceAccountOfItsOwnCreatedJustBeforeIt() {
    Manifests rendered = Render.chart().includingHooks().render();
    JsonNode job = rendered.migrationJob();
    String name = Render.FULLNAME + "-migrate";
    assertEquals(name, podSpec(job).path("serviceAccountName").asText());
    assertFalse(podSpec(job).path("automountServiceAccountToken").asBoolean(true));

    JsonNode account = rendered.get("ServiceAccount", name);
    assertFalse(account.path("automountServiceAccountToken").asBoolean(true), "the migration never calls the API");
    JsonNode annotations = account.at("/metadata/annotations");
    assertEquals("pre-install,pre-upgrade", annotations.path("helm.sh/hook").asText());
    assertTrue(annotations.path("helm.sh/hook-weight").asInt() < job.at("/metadata/annotations/helm.sh~1hook-weight").asInt(),
        "the ServiceAccount must exist before the Job's pod is created");
    assertEquals(List.of("before-hook-creation", "hook-succeeded"),
        List.of(annotations.path("helm.sh/hook-delete-policy").asText().split(",")));
    assertEquals("migration", account.at("/metadata/labels/app.kubernetes.io~1component").asText());
  }

  @Test
  void jobServiceAccountIsAHookNotAReleaseResource() {
    Manifests release = Render.chart().render();
    assertTrue(release.find("ServiceAccount", Render.FULLNAME + "-migrate").isEmpty(), release.summary());
    assertTrue(release.find("ServiceAccount", Render.FULLNAME).isPresent(), release.summary());
  }

  @Test
  void jobUsesAnExistingServiceAccountWhenTheChartCreatesNone() {
    Manifests rendered = Render.chart().includingHooks()
        .set("serviceAccount.create", false).set("serviceAccount.name", "tongyi-runner")
        .render();
    assertEquals("tongyi-runner", podSpec(rendered.migrationJob()).path("serviceAccountName").asText());
    assertTrue(rendered.ofKind("ServiceAccount").isEmpty(), rendered.summary());
  }

  @Test
  void jobPodsStayOutOfTheService() {
    Manifests rendered = Render.chart().includingHooks().render();
    JsonNode podLabels = rendered.migrationJob().at("/spec/template/metadata/labels");
    JsonNode selector = rendered.get("Service", Render.FULLNAME).at("/spec/selector");
    boolean matches = true;
    for (var it = selector.fields(); it.hasNext(); ) {
      var label = it.next();
      matches &= label.getValue().equals(podLabels.path(label.getKey()));
    }
    assertFalse(matches, "the Service would send traffic to the migration pod");
  }
}
