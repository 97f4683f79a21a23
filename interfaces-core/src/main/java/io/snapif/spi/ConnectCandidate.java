package io.snapif.spi;

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

  public final ConnectionId id() {
    return ConnectionId.of(plug().ref(), slot().ref());
  }

  public static ImmutableConnectCandidate.Builder builder() {
    return ImmutableConnectCandidate.builder();
  }
}
