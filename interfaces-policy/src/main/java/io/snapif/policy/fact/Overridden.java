package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;

/**
 * Derived by {@code precedence.drl}: a {@link Verdict} that does not count because a stronger
 * verdict about the same check exists (a custom deny over everything, the interface's refusal
 * over a custom allow and the declarations, a custom allow over the declarations). The verdicts
 * of a check that nothing overrides are the ones that count; most checks have a single verdict
 * and no such fact.
 *
 * <p>Immutable, identity-equal.
 */
public final class Overridden {
  private final Verdict verdict;
  private final Verdict by;
  private final String rule;

  private Overridden(Verdict verdict, Verdict by, String rule) {
    if (verdict.getCheck() != by.getCheck()) {
      throw new IllegalArgumentException(by + " is not about the check of " + verdict);
    }
    this.verdict = verdict;
    this.by = by;
    this.rule = rule;
  }

  /**
   * {@code verdict} does not count because of {@code by}, by the precedence rule named
   * {@code rule}.
   *
   * @throws IllegalArgumentException if the two verdicts are about different checks
   */
  public static Overridden of(String rule, Verdict verdict, Verdict by) {
    return new Overridden(verdict, by, rule);
  }

  /** The verdict that does not count. */
  public Verdict getVerdict() {
    return verdict;
  }

  /** The stronger verdict. */
  public Verdict getBy() {
    return by;
  }

  public Check getCheck() {
    return verdict.getCheck();
  }

  public CheckKind getKind() {
    return verdict.getKind();
  }

  /** The precedence rule that derived it. */
  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return verdict + " overridden by " + by;
  }
}
