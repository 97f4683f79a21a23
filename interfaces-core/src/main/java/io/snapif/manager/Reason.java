package io.snapif.manager;

import org.immutables.value.Value;

/**
 * Why a decision came out as it did: the rule that decided (a built-in rule's name such as
 * {@code "declarations: the deciding rule denies"}, or a custom rule's), the layer it belongs
 * to, and a sentence for people.
 */
@Value.Immutable
public abstract class Reason {
  @Value.Parameter
  public abstract String rule();

  @Value.Parameter
  public abstract DecisionLayer layer();

  @Value.Parameter
  public abstract String detail();

  public static Reason of(String rule, DecisionLayer layer, String detail) {
    return ImmutableReason.of(rule, layer, detail);
  }

  @Override
  public String toString() {
    return detail() + " [" + rule() + ", " + layer() + "]";
  }
}
