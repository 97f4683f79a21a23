package io.snapif.manager;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.SystemState;
import java.util.Map;
import java.util.Optional;

/**
 * A committed state with the indexes queries need, computed once per commit. Immutable, so
 * queries can read it without the operation lock.
 */
final class Snapshot {
  final SystemState state;
  final ImmutableMap<String, InstalledSnap> snapsByName;
  final ImmutableSortedMap<ConnectionId, Connection> established;
  /** Remembered entries by id, in id order. */
  final ImmutableSortedMap<ConnectionId, RememberedConnection> remembered;
  /** Remembered entries of removed snaps, kept aside until the manager closes (see StateDraft). */
  final ImmutableSortedMap<ConnectionId, Connection> retired;

  Snapshot(SystemState state, Map<ConnectionId, Connection> retired) {
    this.state = state;
    this.retired = ImmutableSortedMap.copyOf(retired);
    ImmutableMap.Builder<String, InstalledSnap> byName = ImmutableMap.builder();
    state.snaps().forEach(s -> byName.put(s.name(), s));
    this.snapsByName = byName.buildOrThrow();
    ImmutableSortedMap.Builder<ConnectionId, Connection> inEffect =
        ImmutableSortedMap.naturalOrder();
    ImmutableSortedMap.Builder<ConnectionId, RememberedConnection> kept =
        ImmutableSortedMap.naturalOrder();
    state.connections().forEach((id, entry) -> {
      Optional<RememberedConnection.Why> why = EntryStatus.whyRemembered(entry, snapsByName);
      if (why.isEmpty()) {
        inEffect.put(id, entry);
      } else {
        kept.put(id, RememberedConnection.of(entry, why.get()));
      }
    });
    this.established = inEffect.build();
    this.remembered = kept.build();
  }
}
