package io.snapif.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link SystemState#forEachConnectionChange} against a lookup per entry. */
class ConnectionChangesPropertiesTest {
  private static final List<String> SNAPS = List.of("a", "b", "core", "z-app");

  @Provide
  Arbitrary<Map<ConnectionId, Connection>> states() {
    Arbitrary<Connection> entry = Arbitraries.integers().between(0, SNAPS.size() * 3 - 1)
        .flatMap(plug -> Arbitraries.integers().between(0, SNAPS.size() * 3 - 1)
            .flatMap(slot -> Arbitraries.of(true, false).map(auto -> {
              ConnectionId id = ConnectionId.parse(SNAPS.get(plug % SNAPS.size()) + ":p"
                  + plug / SNAPS.size() + " " + SNAPS.get(slot % SNAPS.size()) + ":s"
                  + slot / SNAPS.size());
              return Connection.builder().id(id).iface("i").auto(auto).build();
            })));
    return entry.list().ofMaxSize(20).map(list -> {
      Map<ConnectionId, Connection> out = new TreeMap<>();
      list.forEach(c -> out.put(c.id(), c));
      return out;
    });
  }

  @Property
  void visitsExactlyTheEntriesThatDiffer_inIdOrder(
      @ForAll("states") Map<ConnectionId, Connection> before,
      @ForAll("states") Map<ConnectionId, Connection> after) {
    List<String> expected = new ArrayList<>();
    TreeMap<ConnectionId, Connection> all = new TreeMap<>(before);
    all.putAll(after);
    all.keySet().forEach(id -> {
      Optional<Connection> was = Optional.ofNullable(before.get(id));
      Optional<Connection> now = Optional.ofNullable(after.get(id));
      if (!was.equals(now)) {
        expected.add(id + " " + was + " -> " + now);
      }
    });

    List<String> visited = new ArrayList<>();
    SystemState.forEachConnectionChange(ImmutableSortedMap.copyOf(before),
        ImmutableSortedMap.copyOf(after),
        (id, was, now) -> visited.add(id + " " + was + " -> " + now));

    assertThat(visited).isEqualTo(expected);
  }

  @Property
  void statesSharingTheirUnchangedEntries_visitOnlyTheChanges(
      @ForAll("states") Map<ConnectionId, Connection> before,
      @ForAll("states") Map<ConnectionId, Connection> changes) {
    // as the manager makes a new state: the old entries as they are, some replaced or added,
    // those of the changes with "auto" unset removed
    TreeMap<ConnectionId, Connection> after = new TreeMap<>(before);
    changes.values().forEach(c -> {
      if (c.auto()) {
        after.put(c.id(), c);
      } else {
        after.remove(c.id());
      }
    });
    List<String> expected = new ArrayList<>();
    changes.values().forEach(c -> {
      Optional<Connection> was = Optional.ofNullable(before.get(c.id()));
      Optional<Connection> now = Optional.ofNullable(after.get(c.id()));
      if (!was.equals(now)) {
        expected.add(c.id() + " " + was + " -> " + now);
      }
    });

    List<String> visited = new ArrayList<>();
    SystemState.forEachConnectionChange(ImmutableSortedMap.copyOf(before),
        ImmutableSortedMap.copyOf(after),
        (id, was, now) -> visited.add(id + " " + was + " -> " + now));

    assertThat(visited).isEqualTo(expected);
  }
}
