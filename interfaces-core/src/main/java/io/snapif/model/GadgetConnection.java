package io.snapif.model;

import org.immutables.value.Value;

/**
 * One entry of a gadget's {@code connections:} in gadget.yaml. Ends are named by snap-id
 * ({@code system} for the system snap); without a slot, the system snap's slot named as the plug
 * is meant.
 */
@Value.Immutable
public abstract class GadgetConnection {
  public abstract String plugSnapId();

  public abstract String plugName();

  /** The slot's snap-id ({@code system} for the system snap). */
  public abstract String slotSnapId();

  public abstract String slotName();

  public static ImmutableGadgetConnection.Builder builder() {
    return ImmutableGadgetConnection.builder();
  }

  @Override
  public String toString() {
    return plugSnapId() + ":" + plugName() + " " + slotSnapId() + ":" + slotName();
  }
}
