package io.snapif.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.StateChange;
import io.snapif.spi.SystemState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal records of {@link FileStateStore}: what changed from one saved state to the next,
 * as JSON, and replaying them onto a state.
 *
 * <p>A record is a {@link StateChange}: <code>{"generation", "seeded", "remove-snaps": [name],
 * "snaps": [snap], "remove-conns": [id], "conns": {id: entry}}</code> with snaps and entries
 * written as in the state file; replay is {@link SystemState#apply}. A change no such record
 * expresses is written whole: <code>{"whole": state}</code>. {@link #diff} only returns a record
 * whose replay gives exactly the new state, so the journal can never drift from what was saved.
 */
final class StateJournal {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StateJournal() {}

  /**
   * The record turning {@code before} into {@code after}; empty when a record cannot express it
   * (another device, or an order of snaps replay would not reproduce): the caller then writes a
   * whole snapshot. A state the manager made from {@code before} knows its change, which costs
   * what changed; any other pair is compared, by reference first so that unchanged snaps and
   * entries cost little.
   */
  static Optional<ObjectNode> diff(SystemState before, SystemState after) {
    if (!before.device().equals(after.device())) {
      return Optional.empty();
    }
    return after.changeFrom(before).or(() -> compare(before, after)).map(StateJournal::record);
  }

  /** The change from {@code before} to {@code after} found by comparing them. */
  static Optional<StateChange> compare(SystemState before, SystemState after) {
    var change = StateChange.builder().generation(after.generation()).seeded(after.seeded());
    if (!sameObjects(before.snaps(), after.snaps())) {
      List<String> removed = new ArrayList<>();
      List<InstalledSnap> put = new ArrayList<>();
      if (!diffSnaps(before, after, removed, put)) {
        return Optional.empty();
      }
      change.addAllRemovedSnaps(removed).addAllPutSnaps(put);
    }
    SystemState.forEachConnectionChange(before.connections(), after.connections(),
        (id, was, entry) -> {
          if (entry.isPresent()) {
            change.addPutConnections(entry.get());
          } else {
            change.addRemovedConnections(id);
          }
        });
    return Optional.of(change.build());
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
   * Adds to {@code removed} and {@code put} the snaps removed and put from {@code before} to
   * {@code after}; false when replaying those would not give {@code after}'s order of snaps.
   */
  private static boolean diffSnaps(SystemState before, SystemState after, List<String> removed,
      List<InstalledSnap> put) {
    Map<String, InstalledSnap> old = new LinkedHashMap<>();
    before.snaps().forEach(s -> old.put(s.name(), s));
    Map<String, InstalledSnap> now = new LinkedHashMap<>();
    after.snaps().forEach(s -> now.put(s.name(), s));
    old.keySet().stream().filter(n -> !now.containsKey(n)).forEach(removed::add);
    for (InstalledSnap s : after.snaps()) {
      InstalledSnap was = old.get(s.name());
      if (was != s && !s.equals(was)) {
        put.add(s);
      }
    }
    // the order replay would give: the old one without the removed, new snaps last
    Map<String, InstalledSnap> replayed = new LinkedHashMap<>(old);
    replayed.keySet().retainAll(now.keySet());
    put.forEach(s -> replayed.put(s.name(), s));
    return new ArrayList<>(replayed.keySet()).equals(new ArrayList<>(now.keySet()));
  }

  /** The record of {@code change}. */
  static ObjectNode record(StateChange change) {
    ObjectNode record = NODES.objectNode();
    record.put("generation", change.generation());
    record.put("seeded", change.seeded());
    ArrayNode removeSnaps = record.putArray("remove-snaps");
    change.removedSnaps().forEach(removeSnaps::add);
    ArrayNode snaps = record.putArray("snaps");
    change.putSnaps().forEach(s -> snaps.add(StateJson.writeSnap(s)));
    ArrayNode removeConns = record.putArray("remove-conns");
    change.removedConnections().forEach(id -> removeConns.add(id.toString()));
    record.set("conns", StateJson.writeConns(change.putConnections()));
    return record;
  }

  /** The record that replaces the state with {@code state} whatever it was. */
  static ObjectNode whole(SystemState state) {
    ObjectNode record = NODES.objectNode();
    record.put("generation", state.generation());
    record.set("whole", StateJson.write(state));
    return record;
  }

  /**
   * {@code state} with one record applied.
   *
   * @throws StateStoreException (via {@code in.problem}) if the record is malformed or would
   *     make an invalid state
   */
  static SystemState replay(SystemState state, JsonInput in) {
    Optional<JsonInput> whole = in.optField("whole");
    if (whole.isPresent()) {
      return StateJson.read(whole.get());
    }
    var change = StateChange.builder()
        .generation(in.field("generation").integer())
        .seeded(in.field("seeded").bool());
    in.field("remove-snaps").array().forEach(s -> change.addRemovedSnaps(s.text()));
    in.field("snaps").array().forEach(s -> change.addPutSnaps(StateJson.readSnap(s)));
    for (JsonInput id : in.field("remove-conns").array()) {
      try {
        change.addRemovedConnections(ConnectionId.parse(id.text()));
      } catch (IllegalArgumentException e) {
        throw id.problem(e.getMessage());
      }
    }
    change.addAllPutConnections(StateJson.readConns(in.field("conns")).values());
    try {
      return state.apply(change.build());
    } catch (IllegalArgumentException e) {
      throw in.problem("invalid state: " + e.getMessage());
    }
  }
}
