package io.snapif.policy;

import io.snapif.SnapifException;
import java.util.List;

/**
 * A custom policy rule file that cannot be used: it does not compile, cannot be read, claims the
 * built-in rules' package, or does not merge into one rule base with the built-in rules and the
 * files before it. Names the file, the line (0 when unknown) and the problem.
 */
public final class RuleCompilationException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final String problem;
  private final List<RuleProblem> problems;

  RuleCompilationException(String file, int line, String problem) {
    this(List.of(new RuleProblem(RuleProblem.Kind.UNREADABLE, file, line, problem)));
  }

  /** Fails with every problem of {@code problems} (not empty); the message shows the first. */
  RuleCompilationException(List<RuleProblem> problems) {
    super(problems.get(0) + (problems.size() > 1
        ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    RuleProblem first = problems.get(0);
    this.file = first.file();
    this.line = first.line();
    this.problem = first.message();
    this.problems = List.copyOf(problems);
  }

  /** The file (path or classpath resource) as it was given. */
  public String file() {
    return file;
  }

  /** The 1-based line of the first problem; 0 if the problem has no line. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  /** Every problem found, the first one first; {@link DroolsPolicyEvaluator.Builder#check()}. */
  public List<RuleProblem> problems() {
    return problems;
  }
}
