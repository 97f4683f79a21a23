package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.policy.RuleProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code snapif policy check FILE...}: compiles rule files, merges them into one rule base with
 * the built-in rules as a command's {@code --rules} would, and reports every problem, one {@code
 * FILE:LINE: MESSAGE} each.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compile rule files, merge them into one rule base with the built-in rules, "
        + "and report every problem as FILE:LINE: MESSAGE: compile errors, properties a fact "
        + "does not have, rules in the built-in package, rule names used twice, files that do "
        + "not merge (a type or global declared otherwise), and rules that fail a decision "
        + "without any fact (they throw, or do not settle).",
        "Exit status 0 when there is no problem, 1 otherwise. With --json: "
            + "{\"problems\": [{\"file\", \"line\", \"kind\", \"message\"}, ...]}."})
final class PolicyCheckCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand parent;

  @Parameters(arity = "1..*", paramLabel = "FILE.drl", description = "The rule files.")
  List<Path> files;

  @Override
  public Integer call() {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder();
    files.forEach(builder::addRuleFile);
    List<RuleProblem> problems = builder.check();
    SnapifCli root = parent.root;
    root.out().print(root.json() ? json(problems) : text(problems, files.size()));
    return problems.isEmpty() ? SnapifCli.OK : SnapifCli.FAILED;
  }

  /** One problem per line (a message's further lines indented), then a count. */
  static String text(List<RuleProblem> problems, int files) {
    StringBuilder out = new StringBuilder();
    for (RuleProblem p : problems) {
      out.append(p.toString().strip().replace("\n", "\n  ")).append('\n');
    }
    String checked = files + (files == 1 ? " file" : " files");
    out.append(problems.isEmpty() ? checked + ": no problems"
        : checked + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"))
        .append('\n');
    return out.toString();
  }

  private static String json(List<RuleProblem> problems) {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("problems");
    for (RuleProblem p : problems) {
      ObjectNode o = list.addObject();
      o.put("file", p.file());
      o.put("line", p.line());
      o.put("kind", p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      o.put("message", p.message());
    }
    return Json.write(root);
  }
}
