package io.snapif.spi;

import io.snapif.model.Attributes;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import org.immutables.value.Value;

/** A plug and a slot (of the same interface) that might be connected, with their snaps. */
@Value.Immutable
public abstract class ConnectCandidate {
  @Value.Parameter
  public abstract Plug plug();

  @Value.Parameter
  public abstract InstalledSnap plugSnap();

  @Value.Parameter
  public abstract Slot slot();

  @Value.Parameter
  public abstract InstalledSnap slotSnap();

  @Value.Parameter
  public abstract Device device();

  /**
   * Dynamic attributes of the plug, set by interface hooks before a connect; empty for
   * auto-connection candidates. As in snapd, attribute constraints and {@code $PLUG(...)} see a
   * top-level dynamic attribute in place of a static one of the same name.
   */
  @Value.Default
  public Attributes plugDynamic() {
    return Attributes.empty();
  }

  /** Dynamic attributes of the slot; see {@link #plugDynamic()}. */
  @Value.Default
  public Attributes slotDynamic() {
    return Attributes.empty();
  }

  public final ConnectionId id() {
    return ConnectionId.of(plug().ref(), slot().ref());
  }

  /**
   * A candidate without dynamic attributes, as auto-connect weighs them (without a builder: a
   * large auto-connect makes hundreds of thousands).
   */
  public static ConnectCandidate of(Plug plug, InstalledSnap plugSnap, Slot slot,
      InstalledSnap slotSnap, Device device) {
    return ImmutableConnectCandidate.of(plug, plugSnap, slot, slotSnap, device);
  }

  public static ImmutableConnectCandidate.Builder builder() {
    return ImmutableConnectCandidate.builder();
  }
}
