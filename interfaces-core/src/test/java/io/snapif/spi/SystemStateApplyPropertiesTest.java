package io.snapif.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.testing.Snaps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SystemState#apply}, whose states keep their content in persistent maps, against the
 * plain computation: an ordered map of snaps by name and a sorted map of entries, changed in
 * the documented order, then validated by the builder.
 */
class SystemStateApplyPropertiesTest {
  private static final List<String> NAMES = List.of("core", "a", "b", "c", "d");
  private static final InstalledSnap CORE = Snaps.snap("core").type(SnapType.OS)
      .slots("network").build();

  private static Arbitrary<InstalledSnap> snap() {
    return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.integers().between(1, 3),
            Arbitraries.of(true, false))
        .as((name, revision, plug) -> {
          Snaps s = Snaps.snap(name).revision(revision);
          if (plug) {
            s.plugs("network");
          }
          // another core is a system snap; among the rest, now and then an app named core
          if (name.equals("core") && revision < 3) {
            s.type(SnapType.OS);
          }
          return s.build();
        });
  }

  private static Arbitrary<Connection> entry() {
    return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(NAMES),
            Arbitraries.of("network", "x"), Arbitraries.of(true, false))
        .as((plug, slot, name, auto) -> Connection.builder()
            .id(ConnectionId.parse(plug + ":" + name + " " + slot + ":" + name))
            .iface(name).auto(auto).build());
  }

  @Provide
  Arbitrary<SystemState> states() {
    return Combinators.combine(snap().list().ofMaxSize(5), entry().list().ofMaxSize(8),
            Arbitraries.of(true, false), Arbitraries.longs().between(0, 5))
        .as((snaps, entries, seeded, generation) -> {
          Map<String, InstalledSnap> byName = new LinkedHashMap<>();
          byName.put("core", CORE);
          snaps.stream().filter(s -> !s.name().equals("core"))
              .forEach(s -> byName.putIfAbsent(s.name(), s));
          Map<ConnectionId, Connection> conns = new TreeMap<>();
          entries.forEach(c -> conns.put(c.id(), c));
          return SystemState.builder().device(Device.classicUbuntu())
              .addAllSnaps(byName.values()).putAllConnections(conns).seeded(seeded)
              .generation(generation).build();
        });
  }

  @Provide
  Arbitrary<StateChange> changes() {
    return Combinators.combine(Arbitraries.subsetOf(NAMES).map(List::copyOf),
            snap().list().ofMaxSize(4), entry().list().ofMaxSize(4),
            entry().list().ofMaxSize(4), Arbitraries.of(true, false),
            Arbitraries.longs().between(0, 9))
        .as((removed, put, removedEntries, putEntries, seeded, generation) -> StateChange
            .builder()
            .addAllRemovedSnaps(removed.stream().filter(n -> !n.equals("core") || generation < 2)
                .toList())
            .addAllPutSnaps(put)
            .addAllRemovedConnections(removedEntries.stream().map(Connection::id).toList())
            .addAllPutConnections(putEntries)
            .seeded(seeded)
            .generation(generation)
            .build());
  }

  /** The change applied the plain way; throws what the builder throws on an invalid result. */
  private static SystemState plain(SystemState before, StateChange change) {
    Map<String, InstalledSnap> snaps = new LinkedHashMap<>();
    before.snaps().forEach(s -> snaps.put(s.name(), s));
    change.removedSnaps().forEach(snaps::remove);
    change.putSnaps().forEach(s -> snaps.put(s.name(), s));
    Map<ConnectionId, Connection> conns = new TreeMap<>(before.connections());
    change.removedConnections().forEach(conns::remove);
    change.putConnections().forEach(c -> conns.put(c.id(), c));
    return SystemState.builder().device(before.device()).addAllSnaps(snaps.values())
        .putAllConnections(conns).seeded(change.seeded()).generation(change.generation())
        .build();
  }

  @Property
  void applyGivesThePlainResult_andKnowsItsChange(@ForAll("states") SystemState start,
      @ForAll("changes") StateChange first, @ForAll("changes") StateChange second) {
    SystemState before = start;
    // twice: from a built state, then from one apply made
    for (StateChange change : List.of(first, second)) {
      SystemState expected;
      try {
        expected = plain(before, change);
      } catch (IllegalArgumentException e) {
        SystemState from = before;
        assertThatThrownBy(() -> from.apply(change))
            .isInstanceOf(IllegalArgumentException.class);
        return;
      }
      SystemState after = before.apply(change);
      assertThat(after).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(after.toString()).isEqualTo(expected.toString());
      assertThat(after.systemSnap()).isEqualTo(expected.systemSnap());
      for (String name : NAMES) {
        assertThat(after.snap(name)).isEqualTo(expected.snap(name));
      }
      Set<ConnectionId> ids = new TreeSet<>(expected.connections().keySet());
      ids.addAll(before.connections().keySet());
      change.removedConnections().forEach(ids::add);
      for (ConnectionId id : ids) {
        assertThat(after.connection(id)).isEqualTo(expected.connection(id));
      }
      assertThat(after.changeFrom(before)).contains(change);
      assertThat(after.changeFrom(expected)).isEmpty();
      assertThat(expected.changeFrom(before)).isEmpty();
      before = after;
    }
  }
}
