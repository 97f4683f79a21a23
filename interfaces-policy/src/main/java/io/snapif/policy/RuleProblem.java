package io.snapif.policy;

import java.util.Objects;

/**
 * One problem of a custom rule file, as {@link DroolsPolicyEvaluator.Builder#check()} reports it:
 * what kind of problem, the file as it was given, the 1-based line (0 when the problem has no
 * line) and what is wrong.
 *
 * @param kind what kind of problem
 * @param file the file (path, classpath resource or name) as it was given
 * @param line the 1-based line; 0 when unknown
 * @param message what is wrong, without the location
 */
public record RuleProblem(Kind kind, String file, int line, String message) {
  /** The kinds of problem. */
  public enum Kind {
    /** The file cannot be read (missing, unreadable, no such classpath resource). */
    UNREADABLE,
    /** The DRL does not compile (syntax, types, unknown classes). */
    COMPILE_ERROR,
    /** A pattern names a property its fact does not have. */
    UNKNOWN_PROPERTY,
    /** The file declares rules in the built-in rules' package. */
    BUILTIN_PACKAGE,
    /** A rule has the name of a built-in rule or of a rule defined before it. */
    DUPLICATE_RULE,
    /**
     * The file compiles but does not merge into one rule base with the built-in rules and the
     * files before it: it declares a type, a fact class's attributes or a global otherwise than
     * they do.
     */
    MERGE_CONFLICT,
    /**
     * The files merge, but a rule that fires without any fact (so in every decision) throws, or
     * the rules do not settle within the firing or time limits: every decision would fail.
     */
    EXECUTION_FAILURE
  }

  public RuleProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  /** {@code FILE:LINE: MESSAGE}, or {@code FILE: MESSAGE} without a line. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
