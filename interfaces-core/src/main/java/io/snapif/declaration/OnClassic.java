package io.snapif.declaration;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * An {@code on-classic} constraint: {@code true} (only on classic systems), {@code false} (only
 * on core devices) or a list of distribution ids (classic systems with one of them).
 */
@Value.Immutable
public abstract class OnClassic {
  /** Whether the system must be classic. */
  public abstract boolean classic();

  /** When non-empty, the os-release ids one of which the classic system must have. */
  public abstract ImmutableList<String> distros();

  public static OnClassic of(boolean classic) {
    return ImmutableOnClassic.builder().classic(classic).build();
  }

  public static OnClassic distros(Iterable<String> ids) {
    return ImmutableOnClassic.builder().classic(true).addAllDistros(ids).build();
  }
}
