package io.snapif.model;

import com.google.common.base.Preconditions;
import org.immutables.value.Value;

/**
 * A slot: the providing end of an interface, declared by a snap. Its static attributes are the
 * ones snap.yaml gives, after the interface's checks and defaults.
 */
@Value.Immutable
public abstract class Slot {
  /** The name of the snap that declares it. */
  public abstract String snap();

  public abstract String name();

  /** The interface name ({@code home}, {@code content}, ...). */
  public abstract String iface();

  @Value.Default
  public Attributes attributes() {
    return Attributes.empty();
  }

  /** {@code snap:name}; made once, since every candidate pair of the slot names it. */
  @Value.Lazy
  public SlotRef ref() {
    return SlotRef.of(snap(), name());
  }

  public static ImmutableSlot.Builder builder() {
    return ImmutableSlot.builder();
  }

  @Value.Check
  protected void check() {
    Preconditions.checkArgument(
        Names.isValidEndpointName(name()), "invalid slot name \"%s\"", name());
    Preconditions.checkArgument(!iface().isEmpty(), "slot %s has no interface", name());
  }

  @Override
  public String toString() {
    return ref() + " (" + iface() + ")";
  }
}
