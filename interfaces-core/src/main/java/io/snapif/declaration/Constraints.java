package io.snapif.declaration;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * The value of one rule key ({@code allow-connection}, ...): alternatives, any one matching is a
 * match. {@code true} is one empty alternative; {@code false} is no alternative at all.
 */
@Value.Immutable
public abstract class Constraints {
  @Value.Parameter
  public abstract ImmutableList<ConstraintSet> alternatives();

  public static Constraints of(Iterable<? extends ConstraintSet> alternatives) {
    return ImmutableConstraints.of(ImmutableList.copyOf(alternatives));
  }

  /** {@code true}: matches everything. */
  public static Constraints always() {
    return of(ImmutableList.of(ConstraintSet.any()));
  }

  /** {@code false}: matches nothing. */
  public static Constraints never() {
    return of(ImmutableList.of());
  }

  public final boolean isAlways() {
    return alternatives().size() == 1 && alternatives().get(0).equals(ConstraintSet.any());
  }

  public final boolean isNever() {
    return alternatives().isEmpty();
  }
}
