package cn.tongyi.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** In only from the ingress controller (and the release's helm test pod); out only to PostgreSQL and DNS. */
class NetworkPolicyTest {

  @Test
  void policyIsolatesThePlatformPodsBothWays() {
    Manifests rendered = Render.chart().render();
    JsonNode policy = rendered.get("NetworkPolicy", Render.FULLNAME);
    assertEquals(rendered.deployment().at("/spec/selector/matchLabels"), policy.at("/spec/podSelector/matchLabels"));
    assertEquals(List.of("Ingress", "Egress"), DeploymentTest.texts(policy.at("/spec/policyTypes")));
  }

  @Test
  void ingressOnlyFromTheIngressControllerAndTheTestPod() {
    JsonNode ingress = policy(Render.chart()).at("/spec/ingress");
    assertEquals(1, ingress.size(), "one ingress rule");
    JsonNode from = ingress.at("/0/from");
    assertEquals(2, from.size());
    assertEquals("ingress-nginx", from.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
    assertEquals("ingress-nginx", from.at("/0/podSelector/matchLabels/app.kubernetes.io~1name").asText());
    assertEquals("test", from.at("/1/podSelector/matchLabels/app.kubernetes.io~1component").asText());
    assertEquals(Render.RELEASE, from.at("/1/podSelector/matchLabels/app.kubernetes.io~1instance").asText());
    assertFalse(from.at("/1").has("namespaceSelector"), "the test pod peer is limited to the release's namespace");
    assertEquals("http", ingress.at("/0/ports/0/port").asText());
    assertEquals(1, ingress.at("/0/ports").size());
  }

  @Test
  void ingressControllerSelectorsAreConfigurable() {
    JsonNode from = policy(Render.chart().values(String.join("\n",
        "networkPolicy:",
        "  ingressController:",
        "    namespaceSelector:",
        "      matchLabels: {kubernetes.io/metadata.name: traefik}",
        "    podSelector: null",
        "  extraIngressFrom:",
        "    - namespaceSelector:",
        "        matchLabels: {kubernetes.io/metadata.name: monitoring}",
        ""))).at("/spec/ingress/0/from");
    assertEquals("traefik", from.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
    assertFalse(from.at("/0").has("podSelector"), "without podSelector every pod of those namespaces is admitted");
    assertEquals("monitoring", from.at("/2/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
  }

  @Test
  void egressOnlyToPostgresAndDns() {
    JsonNode egress = policy(Render.chart()).at("/spec/egress");
    assertEquals(2, egress.size(), Manifests.yaml(egress));
    assertEquals(Set.of("TCP/5432"), ports(egress.get(0)));
    assertTrue(egress.get(0).path("to").isMissingNode(), "no peers given: any address, but port 5432 only");
    assertEquals(Set.of("TCP/53", "UDP/53"), ports(egress.get(1)));
  }

  @Test
  void egressFollowsTheDatabasePortAndPeers() {
    JsonNode egress = policy(Render.chart().set("database.port", 6432).values(String.join("\n",
        "networkPolicy:",
        "  databaseTo:",
        "    - ipBlock: {cidr: 10.20.0.5/32}",
        ""))).at("/spec/egress");
    assertEquals(Set.of("TCP/6432"), ports(egress.get(0)));
    assertEquals("10.20.0.5/32", egress.at("/0/to/0/ipBlock/cidr").asText());
  }

  @Test
  void policyCanBeSwitchedOff() {
    assertTrue(Render.chart().set("networkPolicy.enabled", false).render().ofKind("NetworkPolicy").isEmpty());
  }

  @Test
  void emptyIngressControllerSelectorsAreRefused() {
    String error = Render.chart().values(String.join("\n",
        "networkPolicy:",
        "  ingressController:",
        "    namespaceSelector: null",
        "    podSelector: null",
        "")).renderFailure();
    assertTrue(error.contains("networkPolicy.ingressController"), error);
  }

  private static JsonNode policy(Render render) {
    return render.render().get("NetworkPolicy", Render.FULLNAME);
  }

  private static Set<String> ports(JsonNode rule) {
    Set<String> ports = new TreeSet<>();
    for (JsonNode port : rule.path("ports")) {
      ports.add(port.path("protocol").asText() + "/" + port.path("port").asText());
    }
    return ports;
  }
}
