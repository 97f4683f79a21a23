package io.snapif.manager;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.SystemState;
import java.util.Map;
import java.util.Optional;

/**
 * A committed state with the indexes queries need. Immutable, so queries can read it without the
 * operation lock. The split into established and remembered entries walks every entry, so it is
 * made on first use (once per snapshot) rather than on every commit: a run of operations with
 * no query in between never pays for it.
 */
final class Snapshot {
  final SystemState state;
  final ImmutableMap<String, InstalledSnap> snapsByName;
  /** Remembered entries of removed snaps, kept aside until the manager closes (see StateDraft). */
  final ImmutableSortedMap<ConnectionId, Connection> retired;
  private final Supplier<Split> split;

  Snapshot(SystemState state, Map<ConnectionId, Connection> retired) {
    this(state, retired, byName(state));
  }

  /**
   * A snapshot of {@code state} whose snaps by name are {@code snapsByName}: an operation that
   * changed only connection entries hands on the previous index instead of making it again.
   */
  Snapshot(SystemState state, Map<ConnectionId, Connection> retired,
      ImmutableMap<String, InstalledSnap> snapsByName) {
    this.state = state;
    this.retired = ImmutableSortedMap.copyOf(retired);
    this.snapsByName = snapsByName;
    this.split = Suppliers.memoize(() -> new Split(state, snapsByName));
  }

  private static ImmutableMap<String, InstalledSnap> byName(SystemState state) {
    ImmutableMap.Builder<String, InstalledSnap> byName = ImmutableMap.builder();
    state.snaps().forEach(s -> byName.put(s.name(), s));
    return byName.buildOrThrow();
  }

  /** The entries in effect, in id order. */
  ImmutableSortedMap<ConnectionId, Connection> established() {
    return split.get().established;
  }

  /** Remembered entries by id, in id order. */
  ImmutableSortedMap<ConnectionId, RememberedConnection> remembered() {
    return split.get().remembered;
  }

  private static final class Split {
    final ImmutableSortedMap<ConnectionId, Connection> established;
    final ImmutableSortedMap<ConnectionId, RememberedConnection> remembered;

    Split(SystemState state, Map<String, InstalledSnap> snapsByName) {
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
}
