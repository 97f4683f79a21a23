package io.snapif.manager;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableSortedMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.SystemState;
import java.util.Optional;
import org.pcollections.TreePMap;

/**
 * A committed state with the indexes operations and queries need. Immutable, so queries can read
 * it without the operation lock. The index is persistent and handed on from one snapshot to the
 * next by the operation's draft, changed by what the operation touched. The split into
 * established and remembered entries walks every entry, so it is made on first use (once per
 * snapshot) rather than on every commit: a run of operations with no query in between never
 * pays for it.
 */
final class Snapshot {
  final SystemState state;
  final StateIndex index;
  /** Remembered entries of removed snaps, kept aside until the manager closes (see StateDraft). */
  final TreePMap<ConnectionId, Connection> retired;
  private final Supplier<Split> split;

  /** The snapshot of a state a manager starts with: its index is made in one pass. */
  Snapshot(SystemState state) {
    this(state, StateIndex.of(state), TreePMap.empty());
  }

  Snapshot(SystemState state, StateIndex index, TreePMap<ConnectionId, Connection> retired) {
    this.state = state;
    this.index = index;
    this.retired = retired;
    this.split = Suppliers.memoize(() -> new Split(state, index));
  }

  /** The installed snap named {@code name}, or null. */
  InstalledSnap snap(String name) {
    return index.snap(name);
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

    Split(SystemState state, StateIndex index) {
      ImmutableSortedMap.Builder<ConnectionId, Connection> inEffect =
          ImmutableSortedMap.naturalOrder();
      ImmutableSortedMap.Builder<ConnectionId, RememberedConnection> kept =
          ImmutableSortedMap.naturalOrder();
      state.connections().forEach((id, entry) -> {
        Optional<RememberedConnection.Why> why = EntryStatus.whyRemembered(entry, index::snap);
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
