package io.snapif.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A rule test file: a scenario whose ops may carry an {@code expect} map ({@link
 * StepExpectation}), one per op in order, empty where an op has none. Immutable.
 *
 * @param scenario the scenario, without the expectations
 * @param expectations the expectation of each op, in the order of the ops
 */
public record RuleTestFile(
    Scenario scenario, ImmutableList<Optional<StepExpectation>> expectations) {

  /**
   * Reads a rule test file (JSON or YAML).
   *
   * @throws ScenarioException if the file cannot be read, is not a scenario, or an {@code
   *     expect} map is malformed
   */
  public static RuleTestFile read(Path file) {
    String source = file.toString();
    JsonNode root = ScenarioReader.readTree(file);
    ImmutableList.Builder<Optional<StepExpectation>> expectations = ImmutableList.builder();
    JsonNode ops = root == null ? null : root.get("ops");
    if (ops != null && ops.isArray()) {
      for (int i = 0; i < ops.size(); i++) {
        JsonNode op = ops.get(i);
        JsonNode expect = op instanceof ObjectNode o ? o.remove("expect") : null;
        expectations.add(expect == null || expect.isNull() ? Optional.empty()
            : Optional.of(StepExpectation.read(expect, source, "ops[" + i + "].expect")));
      }
    }
    Scenario scenario = ScenarioReader.parse(root, source, ScenarioReader.defaultName(file));
    return new RuleTestFile(scenario, expectations.build());
  }
}
