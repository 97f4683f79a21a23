package io.snapif.manager;

import org.immutables.value.Value;

/**
 * Why a decision came out as it did: the rule that decided (a built-in rule's name such as
 * {@code "declarations: the deciding rule denies"}, or a custom rule's), the layer it belongs
 * to, and a sentence for people. A decision's reasons may also show the verdicts that a stronger
 * one overrode ({@link #overridden()}), after the ones that count.
 */
@Value.Immutable
public abstract class Reason {
  @Value.Parameter
  public abstract String rule();

  @Value.Parameter
  public abstract DecisionLayer layer();

  @Value.Parameter
  public abstract String detail();

  /** How the detail of an overridden verdict starts, as {@code explain} shows it. */
  public static final String OVERRIDDEN = "overridden: ";

  /**
   * Whether this is a verdict that did not count, because a stronger one overrode it; its
   * {@link #detail()} then reads {@code overridden: MESSAGE: DETAIL}.
   */
  @Value.Default
  public boolean overridden() {
    return false;
  }

  // The mark and the prefix go together (asVerdict takes the prefix off).
  @Value.Check
  protected void check() {
    if (overridden() && !detail().startsWith(OVERRIDDEN)) {
      throw new IllegalArgumentException("an overridden reason's detail starts with \""
          + OVERRIDDEN + "\": " + detail());
    }
  }

  public static Reason of(String rule, DecisionLayer layer, String detail) {
    return ImmutableReason.of(rule, layer, detail);
  }

  /**
   * The reason of a verdict that a stronger one overrode: {@code what} is the verdict's message
   * and detail ({@code MESSAGE: DETAIL}).
   */
  public static Reason overridden(String rule, DecisionLayer layer, String what) {
    return ImmutableReason.builder().rule(rule).layer(layer).detail(OVERRIDDEN + what)
        .overridden(true).build();
  }

  /** This reason as its verdict gave it: an overridden one without its mark and prefix. */
  public Reason asVerdict() {
    return overridden() ? of(rule(), layer(), detail().substring(OVERRIDDEN.length())) : this;
  }

  @Override
  public String toString() {
    return detail() + " [" + rule() + ", " + layer() + "]";
  }
}
