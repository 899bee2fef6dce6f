package cn.tongyi.helm;

import static cn.tongyi.helm.Manifests.container;
import static cn.tongyi.helm.Manifests.env;
import static cn.tongyi.helm.Manifests.volumeMountedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets are referenced (secretKeyRef, secret volumes), never inlined in clear. */
class SecretsTest {

  private static final String PASSWORD = "Correct-Horse-Battery-Staple-42";

  @Test
  void defaultsCreateNoSecretAndReferenceExistingOnes() {
    Manifests rendered = Render.chart().render();
    assertTrue(rendered.ofKind("Secret").isEmpty(), rendered.summary());
    JsonNode app = container(rendered.deployment(), "platform-core");
    assertSecretRef(app, "TONGYI_DB_URL", "tongyi-db", "jdbc-url");
    assertSecretRef(app, "TONGYI_DB_USER", "tongyi-db", "username");
    assertSecretRef(app, "TONGYI_DB_PASSWORD", "tongyi-db", "password");
    assertFalse(rendered.get("ConfigMap", Render.FULLNAME).path("data").has("TONGYI_DB_URL"),
        "the URL comes from the Secret, not the ConfigMap");
  }

  @Test
  void existingSecretKeysAreConfigurable() {
    JsonNode app = container(Render.chart()
        .set("database.existingSecret", "tongyi-pg-app")
        .set("database.existingSecretKeys.url", "jdbc-uri")
        .set("database.existingSecretKeys.username", "user")
        .set("database.existingSecretKeys.password", "pass")
        .render().deployment(), "platform-core");
    assertSecretRef(app, "TONGYI_DB_URL", "tongyi-pg-app", "jdbc-uri");
    assertSecretRef(app, "TONGYI_DB_USER", "tongyi-pg-app", "user");
    assertSecretRef(app, "TONGYI_DB_PASSWORD", "tongyi-pg-app", "pass");
  }

  @Test
  void urlIsBuiltFromHostWhenTheSecretHasNoUrlKey() {
    Manifests rendered = Render.chart()
        .set("database.existingSecretKeys.url", "")
        .set("database.host", "pg.internal")
        .set("database.port", 6432)
        .set("database.parameters", "sslmode=verify-full")
        .render();
    assertEquals("jdbc:postgresql://pg.internal:6432/tongyi?sslmode=verify-full",
        rendered.get("ConfigMap", Render.FULLNAME).at("/data/TONGYI_DB_URL").asText());
    JsonNode app = container(rendered.deployment(), "platform-core");
    assertTrue(env(app, "TONGYI_DB_URL").isEmpty(), "URL must not also come from the Secret");
    assertSecretRef(app, "TONGYI_DB_PASSWORD", "tongyi-db", "password");
  }

  @Test
  void chartCreatedSecretHoldsThePasswordAndNothingElseShowsIt() {
    Manifests rendered = Render.chart().includingHooks()
        .set("database.existingSecret", "")
        .set("database.host", "pg.internal")
        .set("database.password", PASSWORD)
        .render();
    JsonNode secret = rendered.get("Secret", Render.FULLNAME + "-database");
    assertEquals(PASSWORD, decode(secret.at("/data/password")));
    assertEquals("tongyi", decode(secret.at("/data/username")));

    assertFalse(rendered.text().contains(PASSWORD), "the password appears in clear in the rendered output");
    for (String kind : List.of("ConfigMap", "Deployment", "Job")) {
      for (JsonNode doc : rendered.ofKind(kind)) {
        String text = Manifests.yaml(doc);
        assertFalse(text.contains(PASSWORD), kind + " contains the password");
        assertFalse(text.contains(secret.at("/data/password").asText()), kind + " contains the encoded password");
      }
    }
    JsonNode app = container(rendered.deployment(), "platform-core");
    assertSecretRef(app, "TONGYI_DB_PASSWORD", Render.FULLNAME + "-database", "password");
    assertSecretRef(app, "TONGYI_DB_USER", Render.FULLNAME + "-database", "username");
    assertEquals("jdbc:postgresql://pg.internal:5432/tongyi",
        rendered.get("ConfigMap", Render.FULLNAME).at("/data/TONGYI_DB_URL").asText());
  }

  @Test
  void jwtKeyPairIsMountedFromItsSecret() {
    Manifests rendered = Render.chart().set("jwt.existingSecret", "jwt-2026").render();
    JsonNode deployment = rendered.deployment();
    JsonNode app = container(deployment, "platform-core");
    JsonNode config = rendered.get("ConfigMap", Render.FULLNAME).path("data");
    JsonNode volume = volumeMountedAt(deployment, app, "/etc/tongyi/jwt");
    assertEquals("jwt-2026", volume.at("/secret/secretName").asText());
    assertEquals("/etc/tongyi/jwt/private.pem", config.path("TONGYI_JWT_PRIVATE_KEY_FILE").asText());
    assertEquals("/etc/tongyi/jwt/public.pem", config.path("TONGYI_JWT_PUBLIC_KEY_FILE").asText());
    assertEquals("private.pem", volume.at("/secret/items/0/path").asText());
    assertEquals("public.pem", volume.at("/secret/items/1/path").asText());
  }

  @Test
  void piiKeysetAndHashKeyAreMountedFromTheirSecret() {
    Manifests rendered = Render.chart().set("pii.existingSecret", "pii-keys").set("pii.keysetKey", "tink.json").render();
    JsonNode deployment = rendered.deployment();
    JsonNode config = rendered.get("ConfigMap", Render.FULLNAME).path("data");
    JsonNode volume = volumeMountedAt(deployment, container(deployment, "platform-core"), "/etc/tongyi/pii");
    assertEquals("pii-keys", volume.at("/secret/secretName").asText());
    assertEquals("tink.json", volume.at("/secret/items/0/key").asText());
    assertEquals("keyset.json", volume.at("/secret/items/0/path").asText());
    assertEquals("/etc/tongyi/pii/keyset.json", config.path("TONGYI_PII_KEYSET_FILE").asText());
    assertEquals("/etc/tongyi/pii/hash.key", config.path("TONGYI_PII_HASH_KEY_FILE").asText());
  }

  @Test
  void adminPasswordIsReadFromItsSecret() {
    JsonNode app = container(Render.chart().set("admin.existingSecret", "hq-admin").set("admin.existingSecretKey", "pw")
        .render().deployment(), "platform-core");
    assertSecretRef(app, "TONGYI_ADMIN_PASSWORD", "hq-admin", "pw");
  }

  static void assertSecretRef(JsonNode container, String variable, String secret, String key) {
    JsonNode env = env(container, variable).orElseThrow(() -> new AssertionError("no env " + variable));
    assertFalse(env.has("value"), variable + " has a literal value");
    assertEquals(secret, env.at("/valueFrom/secretKeyRef/name").asText(), variable);
    assertEquals(key, env.at("/valueFrom/secretKeyRef/key").asText(), variable);
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }
}
