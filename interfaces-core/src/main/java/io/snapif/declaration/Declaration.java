package io.snapif.declaration;

import com.google.common.collect.ImmutableList;
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

  /**
   * Paths of constraint keys that were written but that snapd does not read for the rule kind and
   * side where they appear (such as {@code slot-snap-type} in a plug rule's
   * {@code allow-installation}) and of unknown rule keys; snapd ignores them silently. Not part of
   * equality.
   */
  @Value.Auxiliary
  public abstract ImmutableList<String> ignoredKeys();

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
