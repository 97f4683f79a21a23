package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;

/**
 * Derived by {@code precedence.drl}: the {@link Verdict} that counts for a {@link Check} after
 * weighing custom, interface and declaration verdicts (see {@link Verdict}). Usually one per
 * check; several custom denies of one check give one ruling each.
 *
 * <p>Immutable, identity-equal.
 */
public final class Ruling {
  private final Verdict verdict;
  private final String rule;

  private Ruling(Verdict verdict, String rule) {
    this.verdict = verdict;
    this.rule = rule;
  }

  /** {@code verdict} counts, by the precedence rule named {@code rule}. */
  public static Ruling of(String rule, Verdict verdict) {
    return new Ruling(verdict, rule);
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public Check getCheck() {
    return verdict.getCheck();
  }

  public CheckKind getKind() {
    return verdict.getKind();
  }

  public boolean isAllowed() {
    return verdict.isAllowed();
  }

  /** The precedence rule that made the verdict count. */
  public String getPrecedenceRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "ruling: " + verdict;
  }
}
