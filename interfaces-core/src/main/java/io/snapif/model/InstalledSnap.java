package io.snapif.model;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Declaration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snap together with what the store says about it: its snap-declaration (absent for a snap
 * installed with {@code --dangerous}) and, for a gadget, its gadget.yaml connections. This is
 * the unit the manager installs and refreshes and what policy decides about.
 */
@Value.Immutable
public abstract class InstalledSnap {
  @Value.Parameter
  public abstract Snap snap();

  /**
   * The snap-declaration; empty for a local ({@code --dangerous}) install. A store snap with no
   * grants has {@link Declaration#empty()}.
   */
  public abstract Optional<Declaration> declaration();

  /** The gadget's {@code connections:} (empty for other snaps). */
  public abstract ImmutableList<GadgetConnection> gadgetConnections();

  public final String name() {
    return snap().name();
  }

  /** Whether it was installed locally: no snap-id, no publisher, no declaration. */
  public final boolean dangerous() {
    return declaration().isEmpty();
  }

  public static ImmutableInstalledSnap.Builder builder() {
    return ImmutableInstalledSnap.builder();
  }
}
