package io.snapif.declaration;

import org.immutables.value.Value;

/**
 * A {@code slots-per-plug} or {@code plugs-per-slot} value: {@code *} (any number) or a positive
 * count ({@code 1}).
 */
@Value.Immutable
public abstract class Arity {
  /** The count; 0 means {@code *}. */
  @Value.Parameter
  public abstract int count();

  public static Arity any() {
    return ImmutableArity.of(0);
  }

  public static Arity one() {
    return ImmutableArity.of(1);
  }

  public static Arity of(int count) {
    return ImmutableArity.of(count);
  }

  public final boolean isAny() {
    return count() == 0;
  }

  @Override
  public String toString() {
    return isAny() ? "*" : Integer.toString(count());
  }
}
