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
  public abstract Plug plug();

  public abstract InstalledSnap plugSnap();

  public abstract Slot slot();

  public abstract InstalledSnap slotSnap();

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

  public static ImmutableConnectCandidate.Builder builder() {
    return ImmutableConnectCandidate.builder();
  }
}
