package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a connection state entry stands against the installed snaps: in effect, or remembered
 * and why. snapd decides this the same way when it reloads its state into the interface
 * repository: undesired entries are skipped, and an entry whose plug or slot is gone, or whose
 * ends no longer share an interface, cannot be connected.
 */
final class EntryStatus {
  private EntryStatus() {}

  /**
   * Empty when {@code entry} is in effect, else why it is only remembered; {@code snapsByName}
   * gives the installed snap of a name, or null.
   */
  static Optional<RememberedConnection.Why> whyRemembered(
      Connection entry, Function<String, InstalledSnap> snapsByName) {
    if (entry.undesired()) {
      return Optional.of(RememberedConnection.Why.UNDESIRED);
    }
    Optional<Plug> plug = Optional.ofNullable(snapsByName.apply(entry.id().plug().snap()))
        .map(s -> s.snap().plugs().get(entry.id().plug().name()));
    if (plug.isEmpty()) {
      return Optional.of(RememberedConnection.Why.PLUG_MISSING);
    }
    Optional<Slot> slot = Optional.ofNullable(snapsByName.apply(entry.id().slot().snap()))
        .map(s -> s.snap().slots().get(entry.id().slot().name()));
    if (slot.isEmpty()) {
      return Optional.of(RememberedConnection.Why.SLOT_MISSING);
    }
    if (!plug.get().iface().equals(slot.get().iface())) {
      return Optional.of(RememberedConnection.Why.INTERFACE_CHANGED);
    }
    return Optional.empty();
  }

  static boolean inEffect(Connection entry, Function<String, InstalledSnap> snapsByName) {
    return whyRemembered(entry, snapsByName).isEmpty();
  }
}
