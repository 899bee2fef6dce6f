package cn.tongyi.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helm test pod and NOTES.txt. */
class OperatorAidsTest {

  @Test
  void helmTestPodCurlsTheReadinessEndpointThroughTheService() {
    JsonNode pod = Render.chart().includingHooks().render().get("Pod", Render.FULLNAME + "-test-readiness");
    assertEquals("test", pod.at("/metadata/annotations/helm.sh~1hook").asText());
    List<String> command = DeploymentTest.texts(pod.at("/spec/containers/0/command"));
    assertEquals("curl", command.get(0));
    assertTrue(command.contains("--fail"), command.toString());
    assertEquals("http://" + Render.FULLNAME + ":8080/q/health/ready", command.get(command.size() - 1));
    assertEquals("test", pod.at("/metadata/labels/app.kubernetes.io~1component").asText(),
        "the NetworkPolicy admits the test pod by this label");
    assertTrue(pod.at("/spec/securityContext/runAsNonRoot").asBoolean());
  }

  @Test
  void helmTestPodIsNotPartOfTheRelease() {
    assertTrue(Render.chart().render().ofKind("Pod").isEmpty());
  }

  @Test
  void notesExplainPortForwardAndAdminLogin() {
    String notes = Render.chart().notes();
    assertTrue(notes.contains("port-forward service/" + Render.FULLNAME), notes);
    assertTrue(notes.contains("http://localhost:8080/api/auth/login"), notes);
    assertTrue(notes.contains("\"admin\""), notes);
    assertTrue(notes.contains("get secret tongyi-admin"), notes);
  }

  @Test
  void notesPointAtTheIngressHostAndTheAdminSecret() {
    String notes = Render.chart().values(Render.PRODUCTION_EXAMPLE).notes();
    assertTrue(notes.contains("https://tongyi.example.com/"), notes);
    assertFalse(notes.contains("port-forward"), notes);
    assertTrue(notes.contains("https://tongyi.example.com/api/auth/login"), notes);
  }
}
