package cn.tongyi.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * HPA and PDB: the HPA is opt-in (autoscaling.enabled); the PDB is on by default but rendered only when more than
 * one pod can run. The connection budget check refuses pod counts the database cannot serve.
 */
class ScalingTest {

  @Test
  void singleReplicaGetsNeitherHpaNorPdb() {
    Manifests rendered = Render.chart().render();
    assertEquals(1, rendered.deployment().at("/spec/replicas").asInt());
    assertTrue(rendered.ofKind("HorizontalPodAutoscaler").isEmpty());
    assertTrue(rendered.ofKind("PodDisruptionBudget").isEmpty());
  }

  @Test
  void severalReplicasGetAPdbButNoHpa() {
    Manifests rendered = Render.chart().set("replicaCount", 3).render();
    assertEquals(3, rendered.deployment().at("/spec/replicas").asInt());
    assertTrue(rendered.ofKind("HorizontalPodAutoscaler").isEmpty());
    JsonNode pdb = rendered.get("PodDisruptionBudget", Render.FULLNAME);
    assertEquals(1, pdb.at("/spec/maxUnavailable").asInt());
    assertEquals(rendered.deployment().at("/spec/selector/matchLabels"), pdb.at("/spec/selector/matchLabels"));
  }

  @Test
  void pdbCanBeSwitchedOff() {
    Manifests rendered = Render.chart().set("replicaCount", 3).set("podDisruptionBudget.enabled", false).render();
    assertTrue(rendered.ofKind("PodDisruptionBudget").isEmpty());
  }

  @Test
  void autoscalingAddsHpaAndPdbAndLeavesTheReplicaCountToTheHpa() {
    Manifests rendered = Render.chart()
        .set("autoscaling.enabled", true)
        .set("autoscaling.minReplicas", 2)
        .set("autoscaling.maxReplicas", 5)
        .render();
    assertTrue(rendered.deployment().at("/spec/replicas").isMissingNode(), "the HPA owns the replica count");
    JsonNode hpa = rendered.get("HorizontalPodAutoscaler", Render.FULLNAME);
    assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
    assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
    assertEquals(Render.FULLNAME, hpa.at("/spec/scaleTargetRef/name").asText());
    assertEquals(2, hpa.at("/spec/minReplicas").asInt());
    assertEquals(5, hpa.at("/spec/maxReplicas").asInt());
    assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
    assertEquals(70, hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt());
    assertTrue(rendered.find("PodDisruptionBudget", Render.FULLNAME).isPresent());
  }

  @Test
  void minReplicasAboveMaxReplicasIsRefused() {
    String error = Render.chart().set("autoscaling.enabled", true)
        .set("autoscaling.minReplicas", 5).set("autoscaling.maxReplicas", 3).renderFailure();
    assertTrue(error.contains("minReplicas"), error);
  }

  @Test
  void connectionBudgetAtTheLimitIsAccepted() {
    // (3 pods + 1 surge) × 20 = 80 during a rollout, 3 × 20 + 2 = 62 during migration; + 10 reserved = 90.
    Render.chart().set("replicaCount", 3).set("database.maxConnections", 90).render();
  }

  @Test
  void connectionBudgetOverTheLimitIsRefused() {
    String error = Render.chart().set("replicaCount", 3).set("database.maxConnections", 89).renderFailure();
    assertTrue(error.contains("connection budget exceeded"), error);
    assertTrue(error.contains("90 connections"), error);
  }

  @Test
  void connectionBudgetCountsTheMigrationJobBesideTheRunningPods() {
    // No surge: the rollout peaks at 3 × 20 = 60, but the Job's 5 connections come on top of the 3 running pods.
    Render budget = Render.chart().set("replicaCount", 3)
        .set("rollingUpdate.maxSurge", 0).set("rollingUpdate.maxUnavailable", 1)
        .set("migration.poolMaxSize", 5);
    budget.set("database.maxConnections", 75).render();
    String error = budget.set("database.maxConnections", 74).renderFailure();
    assertTrue(error.contains("75 connections"), error);
  }

  @Test
  void connectionBudgetCountsTheAutoscalerMaximum() {
    Render.chart().set("autoscaling.enabled", true).set("autoscaling.maxReplicas", 4)
        .set("database.maxConnections", 110).render();
    String error = Render.chart().set("autoscaling.enabled", true).set("autoscaling.maxReplicas", 5)
        .set("database.maxConnections", 110).renderFailure();
    assertTrue(error.contains("130 connections"), error);
  }

  @Test
  void connectionBudgetIsNotCheckedByDefault() {
    Manifests rendered = Render.chart().set("replicaCount", 50).render();
    assertFalse(rendered.ofKind("Deployment").isEmpty());
  }
}
