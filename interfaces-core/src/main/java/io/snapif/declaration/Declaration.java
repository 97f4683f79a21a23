package io.snapif.declaration;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The plug and slot rules of a snap-declaration (granted by a store to one snap) or of the base
 * declaration (built in), by interface name.
 */
@Value.Immutable
public abstract class Declaration {
  public abstract ImmutableMap<String, Rule> plugRules();

  public abstract ImmutableMap<String, Rule> slotRules();

  /** The rule for {@code iface} on {@code side}, if the declaration has one. */
  public final Optional<Rule> rule(Side side, String iface) {
    return Optional.ofNullable((side == Side.PLUG ? plugRules() : slotRules()).get(iface));
  }

  public static ImmutableDeclaration.Builder builder() {
    return ImmutableDeclaration.builder();
  }

  /** A declaration with no rules (what a store snap without grants has). */
  public static Declaration empty() {
    return builder().build();
  }
}
