package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.spi.SystemState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A private, mutable copy of the state that one operation works on, with the decisions and
 * warnings gathered on the way. The manager builds the new {@link SystemState} from it only when
 * the whole operation succeeded, which is how a failed operation changes nothing.
 */
final class StateDraft {
  private final Device device;
  private final String systemSnapName;
  private final LinkedHashMap<String, InstalledSnap> snaps = new LinkedHashMap<>();
  private final TreeMap<ConnectionId, Connection> conns;
  private final TreeMap<ConnectionId, Connection> retired;
  private boolean seeded;
  private final List<Decision> decisions = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  StateDraft(SystemState state, Map<ConnectionId, Connection> retired) {
    this.device = state.device();
    this.systemSnapName = state.systemSnap().name();
    state.snaps().forEach(s -> snaps.put(s.name(), s));
    this.conns = new TreeMap<>(state.connections());
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
    return Optional.ofNullable(snaps.get(name));
  }

  Collection<InstalledSnap> snaps() {
    return snaps.values();
  }

  /** Adds a new snap last, or replaces an installed one keeping its place. */
  void putSnap(InstalledSnap snap) {
    snaps.put(snap.name(), snap);
  }

  void removeSnap(String name) {
    snaps.remove(name);
  }

  Optional<Plug> plug(PlugRef ref) {
    return snap(ref.snap()).map(s -> s.snap().plugs().get(ref.name()));
  }

  Optional<Slot> slot(SlotRef ref) {
    return snap(ref.snap()).map(s -> s.snap().slots().get(ref.name()));
  }

  Optional<Connection> entry(ConnectionId id) {
    return Optional.ofNullable(conns.get(id));
  }

  List<Connection> entries(Predicate<Connection> filter) {
    return conns.values().stream().filter(filter).toList();
  }

  void putEntry(Connection entry) {
    conns.put(entry.id(), entry);
  }

  void removeEntry(ConnectionId id) {
    conns.remove(id);
  }

  /**
   * Takes a remembered entry of a snap being removed out of the state, but keeps it aside: snapd
   * 2.57.6 leaves such entries in its state (a reinstall then finds them) until it restarts.
   */
  void retire(Connection entry) {
    conns.remove(entry.id());
    retired.put(entry.id(), entry);
  }

  /** Puts back the retired entries whose snaps are both installed again. */
  void restoreRetired() {
    List<Connection> back = retired.values().stream()
        .filter(e -> snaps.containsKey(e.id().plug().snap())
            && snaps.containsKey(e.id().slot().snap()))
        .toList();
    back.forEach(e -> {
      retired.remove(e.id());
      conns.put(e.id(), e);
    });
  }

  Map<ConnectionId, Connection> retired() {
    return retired;
  }

  boolean inEffect(Connection entry) {
    return EntryStatus.inEffect(entry, snaps);
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

  /** Whether the draft differs from {@code state} in anything but the generation. */
  boolean differsFrom(SystemState state) {
    if (seeded != state.seeded() || snaps.size() != state.snaps().size()) {
      return true;
    }
    boolean[] differs = {false};
    SystemState.forEachConnectionChange(state.connections(), conns,
        (id, before, after) -> differs[0] = true);
    if (differs[0]) {
      return true;
    }
    int i = 0;
    for (InstalledSnap s : snaps.values()) {
      InstalledSnap was = state.snaps().get(i++);
      if (s != was && !s.equals(was)) {
        return true;
      }
    }
    return false;
  }

  SystemState toState(long generation) {
    return SystemState.builder()
        .device(device)
        .addAllSnaps(snaps.values())
        .putAllConnections(conns)
        .seeded(seeded)
        .generation(generation)
        .build();
  }
}
