package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.examples.scenario.Managers;
import io.snapif.examples.scenario.RuleTestFile;
import io.snapif.examples.scenario.ScenarioResult;
import io.snapif.examples.scenario.ScenarioRunner;
import io.snapif.examples.scenario.StepExpectation;
import io.snapif.examples.scenario.StepResult;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.policy.PolicyRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code snapif policy test DIR --rules FILE.drl ...}: runs the rule tests of a directory (
 * scenarios whose ops carry {@code expect} maps) with the given rules, and reports each step and
 * which rules fired.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Run the rule tests in DIR (*.yaml, *.yml, *.json: scenarios whose ops may "
        + "carry an expect map, see docs/custom-rules.md) with the built-in rules and the "
        + "--rules files, each on a fresh system; print each step that has expectations as "
        + "PASS or FAIL, then which rules fired.",
        "Exit status 0 when every expectation holds (and the coverage is at least "
            + "--coverage-min), 1 otherwise."})
final class PolicyTestCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand parent;
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "DIR", description = "The directory of rule tests.")
  Path dir;

  @Option(names = "--coverage-min", paramLabel = "N",
      description = "Fail unless at least N percent of the custom rules fired (0 to 100).")
  Integer coverageMin;

  @Option(names = {"-v", "--verbose"},
      description = "List every built-in rule too, not only how many fired.")
  boolean verbose;

  @Override
  public Integer call() {
    if (coverageMin != null && (coverageMin < 0 || coverageMin > 100)) {
      throw new picocli.CommandLine.ParameterException(parent.spec.commandLine(),
          "--coverage-min must be between 0 and 100: " + coverageMin);
    }
    List<Path> files = testFiles();
    // Read every file first: a malformed test fails the command before anything runs.
    List<RuleTestFile> tests = files.stream().map(RuleTestFile::read).toList();
    Map<String, Integer> firings = new ConcurrentHashMap<>();
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .onRuleFired(rule -> firings.merge(rule, 1, Integer::sum));
    rules.files.forEach(builder::addRuleFile);
    DroolsPolicyEvaluator policy = builder.build();
    ScenarioRunner runner = new ScenarioRunner(Managers.fileBacked(policy));
    List<FileOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      outcomes.add(run(runner, files.get(i), tests.get(i)));
    }
    Coverage coverage = Coverage.of(policy.rules(), firings);
    long failed = outcomes.stream().flatMap(f -> f.steps().stream())
        .filter(s -> !s.failures().isEmpty()).count();
    boolean belowMin = coverageMin != null && coverage.customPercent() < coverageMin;
    SnapifCli root = parent.root;
    root.out().print(root.json() ? json(outcomes, coverage, belowMin)
        : text(outcomes, coverage, failed, belowMin));
    return failed == 0 && !belowMin ? SnapifCli.OK : SnapifCli.FAILED;
  }

  private List<Path> testFiles() {
    if (!Files.isDirectory(dir)) {
      throw new CliFailure("no directory " + dir);
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> files = list.filter(f -> f.toString().endsWith(".yaml")
              || f.toString().endsWith(".yml") || f.toString().endsWith(".json"))
          .sorted().toList();
      if (files.isEmpty()) {
        throw new CliFailure("no rule tests (*.yaml, *.yml, *.json) in " + dir);
      }
      return files;
    } catch (IOException e) {
      throw new CliFailure("cannot read directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static FileOutcome run(ScenarioRunner runner, Path file, RuleTestFile test) {
    ScenarioResult result = runner.run(test.scenario());
    List<StepOutcome> steps = new ArrayList<>();
    for (int i = 0; i < result.steps().size(); i++) {
      StepResult step = result.steps().get(i);
      Optional<StepExpectation> expected = test.expectations().get(i);
      steps.add(new StepOutcome(i + 1, step.op(), expected.isPresent(),
          expected.map(e -> e.failures(step)).orElse(List.of())));
    }
    return new FileOutcome(file.getFileName().toString(), steps);
  }

  /** One step: its number (from 1), its op, whether it had expectations, what failed. */
  record StepOutcome(int number, String op, boolean checked, List<String> failures) {}

  /** One test file's steps. */
  record FileOutcome(String file, List<StepOutcome> steps) {}

  /** Which rules fired how often, custom and built-in. */
  record Coverage(List<PolicyRule> custom, List<PolicyRule> builtin, Map<String, Integer> fired) {
    static Coverage of(List<PolicyRule> rules, Map<String, Integer> fired) {
      return new Coverage(rules.stream().filter(r -> !r.builtin()).toList(),
          rules.stream().filter(PolicyRule::builtin).toList(), Map.copyOf(fired));
    }

    long customFired() {
      return custom.stream().filter(r -> fired.containsKey(r.name())).count();
    }

    long builtinFired() {
      return builtin.stream().filter(r -> fired.containsKey(r.name())).count();
    }

    /** The percentage of custom rules that fired, rounded down; 100 without custom rules. */
    int customPercent() {
      return custom.isEmpty() ? 100 : (int) (customFired() * 100 / custom.size());
    }
  }

  private String text(List<FileOutcome> outcomes, Coverage coverage, long failed,
      boolean belowMin) {
    StringBuilder out = new StringBuilder();
    long passed = 0;
    for (FileOutcome f : outcomes) {
      out.append(f.file()).append('\n');
      for (StepOutcome s : f.steps()) {
        if (!s.checked()) {
          continue;
        }
        boolean ok = s.failures().isEmpty();
        passed += ok ? 1 : 0;
        out.append("  ").append(ok ? "PASS" : "FAIL").append(" step ").append(s.number())
            .append(": ").append(s.op()).append('\n');
        s.failures().forEach(why -> out.append("       ").append(why).append('\n'));
      }
    }
    out.append(passed).append(" passed, ").append(failed).append(" failed\n");
    out.append(String.format(Locale.ROOT, "custom rules: %d of %d fired (%d%%)%s%n",
        coverage.customFired(), coverage.custom().size(), coverage.customPercent(),
        belowMin ? ", below --coverage-min " + coverageMin + "%" : ""));
    for (PolicyRule r : coverage.custom()) {
      out.append(ruleLine(r, coverage.fired())).append("  (").append(r.file()).append(")\n");
    }
    out.append("built-in rules: ").append(coverage.builtinFired()).append(" of ")
        .append(coverage.builtin().size()).append(" fired\n");
    if (verbose) {
      coverage.builtin().forEach(r -> out.append(ruleLine(r, coverage.fired())).append('\n'));
    }
    return out.toString();
  }

  private static String ruleLine(PolicyRule r, Map<String, Integer> fired) {
    Integer n = fired.get(r.name());
    return String.format(Locale.ROOT, "  %-13s\"%s\"", n == null ? "never fired" : "fired " + n
        + "x", r.name());
  }

  private String json(List<FileOutcome> outcomes, Coverage coverage, boolean belowMin) {
    ObjectNode root = Json.object();
    ArrayNode tests = root.putArray("tests");
    for (FileOutcome f : outcomes) {
      ObjectNode file = tests.addObject();
      file.put("file", f.file());
      ArrayNode steps = file.putArray("steps");
      for (StepOutcome s : f.steps()) {
        ObjectNode step = steps.addObject();
        step.put("step", s.number());
        step.put("op", s.op());
        step.put("result", !s.checked() ? "unchecked" : s.failures().isEmpty() ? "pass" : "fail");
        if (!s.failures().isEmpty()) {
          ArrayNode why = step.putArray("failures");
          s.failures().forEach(why::add);
        }
      }
    }
    ObjectNode cov = root.putObject("coverage");
    cov.put("custom-percent", coverage.customPercent());
    if (coverageMin != null) {
      cov.put("custom-min", coverageMin);
      cov.put("below-min", belowMin);
    }
    rules(cov.putArray("custom"), coverage.custom(), coverage.fired());
    rules(cov.putArray("built-in"), coverage.builtin(), coverage.fired());
    return Json.write(root);
  }

  private static void rules(ArrayNode out, List<PolicyRule> rules, Map<String, Integer> fired) {
    for (PolicyRule r : rules) {
      ObjectNode o = out.addObject();
      o.put("rule", r.name());
      o.put("file", r.file());
      o.put("fired", fired.getOrDefault(r.name(), 0));
    }
  }
}
