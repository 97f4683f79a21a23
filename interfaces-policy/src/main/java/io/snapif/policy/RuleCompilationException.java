package io.snapif.policy;

import io.snapif.SnapifException;

/**
 * A custom policy rule file that cannot be used: it does not compile, cannot be read, or claims
 * the built-in rules' package. Names the file, the line (0 when unknown) and the problem.
 */
public final class RuleCompilationException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final String problem;

  RuleCompilationException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
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
}
