package io.snapif.declaration;

import com.google.common.collect.ImmutableMap;
import org.immutables.value.Value;

/**
 * The rule of one declaration for one interface on one side: up to six keys, {@code allow-K} and
 * {@code deny-K} for each {@link CheckKind} K. An absent {@code allow-K} is {@code true}; an
 * absent {@code deny-K} is {@code false} (see {@link #allow} and {@link #deny}).
 */
@Value.Immutable
public abstract class Rule {
  public abstract String iface();

  public abstract Side side();

  /** The allow keys present in the declaration. */
  public abstract ImmutableMap<CheckKind, Constraints> allowKeys();

  /** The deny keys present in the declaration. */
  public abstract ImmutableMap<CheckKind, Constraints> denyKeys();

  /** {@code allow-K}, {@code true} when absent. */
  public final Constraints allow(CheckKind kind) {
    return allowKeys().getOrDefault(kind, Constraints.always());
  }

  /** {@code deny-K}, {@code false} when absent. */
  public final Constraints deny(CheckKind kind) {
    return denyKeys().getOrDefault(kind, Constraints.never());
  }

  public static ImmutableRule.Builder builder() {
    return ImmutableRule.builder();
  }

  /** How the rule is named in messages: {@code plug rule of interface "camera"}. */
  @Override
  public String toString() {
    return side().word() + " rule of interface \"" + iface() + "\"";
  }
}
