package io.snapif.policy.fact;

/**
 * Derived by {@code installation.drl}: the snap is refused because of this plug or slot, the
 * first refused one in check order (slots before plugs, as snapd checks them).
 *
 * <p>Immutable, identity-equal.
 */
public final class Refusal {
  private final Verdict verdict;
  private final String rule;

  private Refusal(Verdict verdict, String rule) {
    this.verdict = verdict;
    this.rule = rule;
  }

  public static Refusal of(String rule, Verdict verdict) {
    return new Refusal(verdict, rule);
  }

  /** The verdict that refused the plug or slot. */
  public Verdict getVerdict() {
    return verdict;
  }

  /** The rule that derived it. */
  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "refusal: " + verdict;
  }
}
