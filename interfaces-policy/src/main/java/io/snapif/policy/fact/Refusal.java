package io.snapif.policy.fact;

/**
 * Derived by {@code installation.drl}: the snap is refused because of this plug or slot, the
 * first refused one in check order (slots before plugs, as snapd checks them).
 *
 * <p>Immutable, identity-equal.
 */
public final class Refusal {
  private final Ruling ruling;
  private final String rule;

  private Refusal(Ruling ruling, String rule) {
    this.ruling = ruling;
    this.rule = rule;
  }

  public static Refusal of(String rule, Ruling ruling) {
    return new Refusal(ruling, rule);
  }

  /** The refused plug or slot's ruling. */
  public Ruling getRuling() {
    return ruling;
  }

  /** The rule that derived it. */
  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "refusal: " + ruling.getVerdict();
  }
}
