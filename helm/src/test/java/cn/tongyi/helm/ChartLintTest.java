package cn.tongyi.helm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code helm lint --strict}: warnings count as failures. */
class ChartLintTest {

  @Test
  void lintPassesWithDefaultValues() {
    assertLintPasses(Render.lint());
  }

  @Test
  void lintPassesWithProductionExample() {
    assertLintPasses(Render.lint(Render.PRODUCTION_EXAMPLE));
  }

  @Test
  void lintPassesWithSmallExample() {
    assertLintPasses(Render.lint(Render.SMALL_EXAMPLE));
  }

  @Test
  void lintFailsWhenValuesBreakTheSchema() {
    Path bad = Render.write("lint-bad-replica-count.yaml", "replicaCount: three\n");
    LintResult result = Render.lint(bad);
    assertTrue(result.isFailed(), "lint accepted replicaCount: three");
    assertTrue(String.join("\n", result.getMessages()).contains("/replicaCount"), result.getMessages().toString());
  }

  private static void assertLintPasses(LintResult result) {
    assertFalse(result.isFailed(), () -> "helm lint failed: " + result.getMessages());
  }
}
