package io.snapif.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.SystemState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The journal records of {@link FileStateStore}: what changed from one saved state to the next,
 * as JSON, and replaying them onto a state.
 *
 * <p>A record is <code>{"generation", "seeded", "remove-snaps": [name], "snaps": [snap],
 * "remove-conns": [id], "conns": {id: entry}}</code> with snaps and entries written as in the
 * state file. Replay removes, then puts each snap in place (a new one last) and each entry. A
 * change no such record expresses is written whole: <code>{"whole": state}</code>.
 * {@link #diff} only returns a record whose replay gives exactly the new state, so the journal
 * can never drift from what was saved.
 */
final class StateJournal {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StateJournal() {}

  /**
   * The record turning {@code before} into {@code after}; empty when a record cannot express it
   * (another device, or an order of snaps replay would not reproduce): the caller then writes a
   * whole snapshot. Compares by reference first, so unchanged snaps and entries cost little.
   */
  static Optional<ObjectNode> diff(SystemState before, SystemState after) {
    if (!before.device().equals(after.device())) {
      return Optional.empty();
    }
    ObjectNode record = NODES.objectNode();
    record.put("generation", after.generation());
    record.put("seeded", after.seeded());
    ArrayNode removeSnaps = record.putArray("remove-snaps");
    ArrayNode snaps = record.putArray("snaps");
    if (!sameObjects(before.snaps(), after.snaps()) && !diffSnaps(before, after, removeSnaps,
        snaps)) {
      return Optional.empty();
    }
    ArrayNode removeConns = record.putArray("remove-conns");
    List<Connection> changed = new ArrayList<>();
    SystemState.forEachConnectionChange(before.connections(), after.connections(),
        (id, was, entry) -> {
          if (entry.isPresent()) {
            changed.add(entry.get());
          } else {
            removeConns.add(id.toString());
          }
        });
    record.set("conns", StateJson.writeConns(changed));
    return Optional.of(record);
  }

  /** Whether the two lists hold the same objects in the same order (most saves: no snap moved). */
  private static boolean sameObjects(List<InstalledSnap> a, List<InstalledSnap> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds to the record the snaps removed and put from {@code before} to {@code after}; false
   * when replaying those would not give {@code after}'s order of snaps.
   */
  private static boolean diffSnaps(SystemState before, SystemState after, ArrayNode removeSnaps,
      ArrayNode snaps) {
    Map<String, InstalledSnap> old = new LinkedHashMap<>();
    before.snaps().forEach(s -> old.put(s.name(), s));
    Map<String, InstalledSnap> now = new LinkedHashMap<>();
    after.snaps().forEach(s -> now.put(s.name(), s));
    old.keySet().stream().filter(n -> !now.containsKey(n)).forEach(removeSnaps::add);
    List<InstalledSnap> put = new ArrayList<>();
    for (InstalledSnap s : after.snaps()) {
      InstalledSnap was = old.get(s.name());
      if (was != s && !s.equals(was)) {
        snaps.add(StateJson.writeSnap(s));
        put.add(s);
      }
    }
    // the order replay would give: the old one without the removed, new snaps last
    Map<String, InstalledSnap> replayed = new LinkedHashMap<>(old);
    replayed.keySet().retainAll(now.keySet());
    put.forEach(s -> replayed.put(s.name(), s));
    return new ArrayList<>(replayed.keySet()).equals(new ArrayList<>(now.keySet()));
  }

  /** The record that replaces the state with {@code state} whatever it was. */
  static ObjectNode whole(SystemState state) {
    ObjectNode record = NODES.objectNode();
    record.put("generation", state.generation());
    record.set("whole", StateJson.write(state));
    return record;
  }

  /** A state being rebuilt from a snapshot and records. */
  static final class Replay {
    private Device device;
    private final LinkedHashMap<String, InstalledSnap> snaps = new LinkedHashMap<>();
    private final TreeMap<ConnectionId, Connection> conns;
    private boolean seeded;
    private long generation;

    Replay(SystemState state) {
      this.conns = new TreeMap<>();
      reset(state);
    }

    private void reset(SystemState state) {
      device = state.device();
      snaps.clear();
      state.snaps().forEach(s -> snaps.put(s.name(), s));
      conns.clear();
      conns.putAll(state.connections());
      seeded = state.seeded();
      generation = state.generation();
    }

    /**
     * Applies one record.
     *
     * @throws StateStoreException (via {@code in.problem}) if the record is malformed
     */
    void apply(JsonInput in) {
      Optional<JsonInput> whole = in.optField("whole");
      if (whole.isPresent()) {
        reset(StateJson.read(whole.get()));
        return;
      }
      generation = in.field("generation").integer();
      seeded = in.field("seeded").bool();
      removeSnaps(in.field("remove-snaps").array().stream().map(JsonInput::text).toList());
      in.field("snaps").array().forEach(s -> putSnap(StateJson.readSnap(s)));
      for (JsonInput id : in.field("remove-conns").array()) {
        try {
          conns.remove(ConnectionId.parse(id.text()));
        } catch (IllegalArgumentException e) {
          throw id.problem(e.getMessage());
        }
      }
      StateJson.readConns(in.field("conns")).forEach(conns::put);
    }

    private void removeSnaps(List<String> names) {
      names.forEach(snaps::remove);
    }

    private void putSnap(InstalledSnap snap) {
      snaps.put(snap.name(), snap);
    }

    /**
     * The state replayed so far.
     *
     * @throws IllegalArgumentException if it is not a valid state
     */
    SystemState toState() {
      return SystemState.builder()
          .device(device)
          .addAllSnaps(snaps.values())
          .putAllConnections(conns)
          .seeded(seeded)
          .generation(generation)
          .build();
    }
  }
}
