package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Iterators;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.spi.SystemState;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The state that one operation works on, with the decisions and warnings gathered on the way.
 * The manager builds the new {@link SystemState} from it only when the whole operation
 * succeeded, which is how a failed operation changes nothing.
 *
 * <p>Design notes. A draft is an overlay on the committed state: it records only the snaps and
 * connection entries the operation puts or removes, and reads through to the (immutable) base
 * for the rest. So making a draft, telling whether it changed anything and listing its changes
 * cost what the operation touched, not the size of the system.
 */
final class StateDraft {
  private final SystemState base;
  private final Map<String, InstalledSnap> baseByName;
  private final Device device;
  private final String systemSnapName;
  /** Base snaps replaced in place, by name. */
  private final Map<String, InstalledSnap> replaced = new HashMap<>();
  /** Base snaps removed (a snap removed and put again is new: it goes last). */
  private final Set<String> removed = new HashSet<>();
  /** Snaps not in the base (or removed from it and put again), in the order they came. */
  private final LinkedHashMap<String, InstalledSnap> added = new LinkedHashMap<>();
  /** Entries put (present) or removed (empty) by the operation, by id. */
  private final TreeMap<ConnectionId, Optional<Connection>> changedEntries = new TreeMap<>();
  private final TreeMap<ConnectionId, Connection> retired;
  private boolean seeded;
  private final List<Decision> decisions = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, InstalledSnap> snapsView = new SnapsView();

  /**
   * A draft over {@code state}, whose snaps by name are {@code snapsByName}, with the retired
   * entries {@code retired}.
   */
  StateDraft(SystemState state, Map<String, InstalledSnap> snapsByName,
      Map<ConnectionId, Connection> retired) {
    this.base = state;
    this.baseByName = snapsByName;
    this.device = state.device();
    this.systemSnapName = state.systemSnap().name();
    this.retired = new TreeMap<>(retired);
    this.seeded = state.seeded();
  }

  Device device() {
    return device;
  }

  String systemSnapName() {
    return systemSnapName;
  }

  Optional<InstalledSnap> snap(String name) {
    return Optional.ofNullable(snapsView.get(name));
  }

  /** The snaps in installation order (a view). */
  Collection<InstalledSnap> snaps() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<InstalledSnap> iterator() {
        return snapIterator();
      }

      @Override
      public int size() {
        return snapsView.size();
      }
    };
  }

  private Iterator<InstalledSnap> snapIterator() {
    Iterator<InstalledSnap> fromBase = base.snaps().iterator();
    if (!removed.isEmpty() || !replaced.isEmpty()) {
      fromBase = Iterators.transform(
          Iterators.filter(fromBase, s -> !removed.contains(s.name())),
          s -> replaced.getOrDefault(s.name(), s));
    }
    return added.isEmpty() ? fromBase : Iterators.concat(fromBase, added.values().iterator());
  }

  /** Adds a new snap last, or replaces an installed one keeping its place. */
  void putSnap(InstalledSnap snap) {
    String name = snap.name();
    if (added.containsKey(name) || removed.contains(name) || !baseByName.containsKey(name)) {
      added.put(name, snap);
    } else {
      replaced.put(name, snap);
    }
  }

  void removeSnap(String name) {
    if (added.remove(name) == null && baseByName.containsKey(name)) {
      removed.add(name);
      replaced.remove(name);
    }
  }

  Optional<Plug> plug(PlugRef ref) {
    return snap(ref.snap()).map(s -> s.snap().plugs().get(ref.name()));
  }

  Optional<Slot> slot(SlotRef ref) {
    return snap(ref.snap()).map(s -> s.snap().slots().get(ref.name()));
  }

  Optional<Connection> entry(ConnectionId id) {
    Optional<Connection> changed = changedEntries.get(id);
    return changed != null ? changed : Optional.ofNullable(base.connections().get(id));
  }

  /** The entries that pass {@code filter}, in id order. */
  List<Connection> entries(Predicate<Connection> filter) {
    List<Connection> out = new ArrayList<>();
    for (Connection e : base.connections().values()) {
      if (!changedEntries.containsKey(e.id()) && filter.test(e)) {
        out.add(e);
      }
    }
    if (!changedEntries.isEmpty()) {
      changedEntries.values().forEach(e -> e.filter(filter).ifPresent(out::add));
      out.sort(Comparator.comparing(Connection::id));
    }
    return out;
  }

  void putEntry(Connection entry) {
    changedEntries.put(entry.id(), Optional.of(entry));
  }

  void removeEntry(ConnectionId id) {
    changedEntries.put(id, Optional.empty());
  }

  /**
   * Takes a remembered entry of a snap being removed out of the state, but keeps it aside: snapd
   * 2.57.6 leaves such entries in its state (a reinstall then finds them) until it restarts.
   */
  void retire(Connection entry) {
    removeEntry(entry.id());
    retired.put(entry.id(), entry);
  }

  /** Puts back the retired entries whose snaps are both installed again. */
  void restoreRetired() {
    List<Connection> back = retired.values().stream()
        .filter(e -> snapsView.containsKey(e.id().plug().snap())
            && snapsView.containsKey(e.id().slot().snap()))
        .toList();
    back.forEach(e -> {
      retired.remove(e.id());
      putEntry(e);
    });
  }

  Map<ConnectionId, Connection> retired() {
    return retired;
  }

  boolean inEffect(Connection entry) {
    return EntryStatus.inEffect(entry, snapsView);
  }

  boolean seeded() {
    return seeded;
  }

  void markSeeded() {
    seeded = true;
  }

  void decision(Decision decision) {
    decisions.add(decision);
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  ImmutableList<Decision> decisions() {
    return ImmutableList.copyOf(decisions);
  }

  ImmutableList<String> warnings() {
    return ImmutableList.copyOf(warnings);
  }

  /**
   * Calls {@code change} for every entry the draft adds, removes or changes from the base, in
   * id order (the contract of {@link SystemState#forEachConnectionChange}).
   */
  void forEachEntryChange(SystemState.EntryChange change) {
    changedEntries.forEach((id, now) -> {
      Optional<Connection> old = Optional.ofNullable(base.connections().get(id));
      if (old.isPresent() != now.isPresent()
          || (old.isPresent() && old.get() != now.get() && !old.get().equals(now.get()))) {
        change.changed(id, old, now);
      }
    });
  }

  /** Whether the draft differs from its base in anything but the generation. */
  boolean differsFromBase() {
    if (seeded != base.seeded() || !removed.isEmpty() || !added.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, InstalledSnap> e : replaced.entrySet()) {
      InstalledSnap was = baseByName.get(e.getKey());
      if (e.getValue() != was && !e.getValue().equals(was)) {
        return true;
      }
    }
    boolean[] differs = {false};
    forEachEntryChange((id, before, after) -> differs[0] = true);
    return differs[0];
  }

  /** Whether the snaps (not only the entries) differ from the base's. */
  boolean snapsChanged() {
    return !removed.isEmpty() || !added.isEmpty() || !replaced.isEmpty();
  }

  SystemState toState(long generation) {
    ImmutableSortedMap<ConnectionId, Connection> conns = base.connections();
    if (!changedEntries.isEmpty()) {
      // a linear copy of the sorted base, then one lookup per change; no sort of the whole map
      TreeMap<ConnectionId, Connection> merged = new TreeMap<>(conns);
      changedEntries.forEach((id, e) -> {
        if (e.isPresent()) {
          merged.put(id, e.get());
        } else {
          merged.remove(id);
        }
      });
      conns = ImmutableSortedMap.copyOfSorted(merged);
    }
    SystemState state = SystemState.builder()
        .device(device)
        .addAllSnaps(snapsChanged() ? ImmutableList.copyOf(snaps()) : base.snaps())
        .seeded(seeded)
        .generation(generation)
        .build();
    // the entries are handed over already sorted and immutable: the builder would sort them again
    return state.withConnectionEntries(conns);
  }

  /**
   * The draft's snaps by name, in installation order: the base's (skipping the removed, with
   * the replaced swapped in), then the added. Lookups cost a hash lookup or two.
   */
  private final class SnapsView extends AbstractMap<String, InstalledSnap> {
    @Override
    public InstalledSnap get(Object key) {
      InstalledSnap a = added.get(key);
      if (a != null) {
        return a;
      }
      if (removed.contains(key)) {
        return null;
      }
      InstalledSnap r = replaced.get(key);
      return r != null ? r : baseByName.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return base.snaps().size() - removed.size() + added.size();
    }

    @Override
    public Set<Map.Entry<String, InstalledSnap>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, InstalledSnap>> iterator() {
          return Iterators.transform(snapIterator(), s -> Map.entry(s.name(), s));
        }

        @Override
        public int size() {
          return SnapsView.this.size();
        }
      };
    }
  }
}
