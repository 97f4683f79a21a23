package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.SystemState;
import io.snapif.store.InMemoryStateStore;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.RandomOps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link StateIndex}, kept up to date operation by operation, and what is drawn from it (a
 * draft's entries of a snap, auto-connect candidates) answer like a scan of the whole committed
 * state, after every operation of random sequences (see {@link RandomOps}).
 */
class StateIndexPropertiesTest {
  private static final FakePolicy POLICY = RandomOps.policy();
  private static final AutoConnector AUTO_CONNECTOR =
      new AutoConnector(POLICY, new Connector(POLICY, ImmutableList.of()));

  @Provide
  Arbitrary<List<Operation>> operations() {
    return RandomOps.operations();
  }

  @Property(tries = 300)
  void indexAndCandidatesAnswerLikeAScanOfTheState(@ForAll("operations") List<Operation> ops) {
    DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(POLICY).implicitInterfaces(RandomOps.IMPLICIT).store(new InMemoryStateStore())
        .build();
    check(m);
    for (Operation op : ops) {
      try {
        m.apply(op);
      } catch (OperationException e) {
        // refused: the snapshot (and its index) stays the one checked before
      }
      check(m);
    }
  }

  private static void check(DefaultInterfaceManager m) {
    SystemState state = m.state();
    StateIndex index = m.draft().index();
    assertAnswersLike(index, state);
    // the index a manager makes when it starts on this state answers the same
    assertAnswersLike(StateIndex.of(state), state);
    StateDraft draft = m.draft();
    for (String name : names(state)) {
      assertThat(draft.entriesOf(name)).as("entries of %s", name)
          .containsExactlyElementsOf(plainEntriesOf(state, name));
    }
    for (InstalledSnap snap : state.snaps()) {
      assertRequestLikeAScan(AUTO_CONNECTOR.request(m.draft(), snap.name()), state);
    }
  }

  private static void assertAnswersLike(StateIndex index, SystemState state) {
    assertThat(index.snaps()).containsExactlyElementsOf(state.snaps());
    assertThat(index.size()).isEqualTo(state.snaps().size());
    for (String name : names(state)) {
      assertThat(index.snap(name)).as("snap %s", name)
          .isEqualTo(state.snap(name).orElse(null));
      assertThat(index.entryIds(name)).as("entry ids of %s", name).containsExactlyElementsOf(
          plainEntriesOf(state, name).stream().map(Connection::id).toList());
    }
    for (String iface : ifaces(state)) {
      List<StateIndex.Ends<Plug>> plugs = new ArrayList<>();
      List<StateIndex.Ends<Slot>> slots = new ArrayList<>();
      for (InstalledSnap s : state.snaps()) {
        List<Plug> p = s.snap().plugs().values().stream()
            .filter(e -> e.iface().equals(iface)).toList();
        if (!p.isEmpty()) {
          plugs.add(new StateIndex.Ends<>(s, ImmutableList.copyOf(p)));
        }
        List<Slot> sl = s.snap().slots().values().stream()
            .filter(e -> e.iface().equals(iface)).toList();
        if (!sl.isEmpty()) {
          slots.add(new StateIndex.Ends<>(s, ImmutableList.copyOf(sl)));
        }
      }
      assertThat(index.plugsOf(iface)).as("plugs of %s", iface).containsExactlyElementsOf(plugs);
      assertThat(index.slotsOf(iface)).as("slots of %s", iface).containsExactlyElementsOf(slots);
    }
  }

  /** What the request was before the index: one pass over every installed snap. */
  private static void assertRequestLikeAScan(AutoConnectRequest request, SystemState state) {
    InstalledSnap snap = request.snap();
    Map<String, List<ConnectCandidate>> plugCandidates = new HashMap<>();
    Map<ConnectionId, Connection> existing = new HashMap<>();
    for (Plug plug : snap.snap().plugs().values()) {
      List<ConnectCandidate> candidates = new ArrayList<>();
      for (InstalledSnap other : state.snaps()) {
        for (Slot slot : other.snap().slots().values()) {
          if (slot.iface().equals(plug.iface())) {
            candidates.add(candidate(state, plug, snap, slot, other));
          }
        }
      }
      plugCandidates.put(plug.name(), candidates);
    }
    Map<String, List<ConnectCandidate>> slotCandidates = new HashMap<>();
    for (Slot slot : snap.snap().slots().values()) {
      List<ConnectCandidate> candidates = new ArrayList<>();
      for (InstalledSnap other : state.snaps()) {
        for (Plug plug : other.snap().plugs().values()) {
          if (plug.iface().equals(slot.iface())) {
            candidates.add(candidate(state, plug, other, slot, snap));
          }
        }
      }
      slotCandidates.put(slot.name(), candidates);
    }
    for (List<ConnectCandidate> list : List.of(plugCandidates.values(), slotCandidates.values())
        .stream().flatMap(c -> c.stream()).toList()) {
      list.forEach(c -> state.connection(c.id()).ifPresent(e -> existing.put(e.id(), e)));
    }
    assertThat(request.plugCandidates()).containsExactlyInAnyOrderEntriesOf(
        copy(plugCandidates));
    assertThat(request.plugCandidates().keySet())
        .containsExactlyElementsOf(snap.snap().plugs().keySet());
    assertThat(request.slotCandidates()).containsExactlyInAnyOrderEntriesOf(
        copy(slotCandidates));
    assertThat(request.slotCandidates().keySet())
        .containsExactlyElementsOf(snap.snap().slots().keySet());
    assertThat(request.existing()).containsExactlyInAnyOrderEntriesOf(existing);

    for (InstalledSnap other : state.snaps()) {
      for (Plug plug : other.snap().plugs().values()) {
        List<ConnectCandidate> slots = new ArrayList<>();
        for (InstalledSnap slotSnap : state.snaps()) {
          if (slotSnap.name().equals(snap.name())) {
            continue;
          }
          for (Slot slot : slotSnap.snap().slots().values()) {
            if (slot.iface().equals(plug.iface())) {
              slots.add(candidate(state, plug, other, slot, slotSnap));
            }
          }
        }
        assertThat(request.otherSlotsOfPlug().forPlug(plug.ref()))
            .as("other slots of %s", plug.ref()).containsExactlyElementsOf(slots);
      }
    }
    assertThat(request.otherSlotsOfPlug().forPlug(PlugRef.of("zz", "network"))).isEmpty();
  }

  private static Map<String, ImmutableList<ConnectCandidate>> copy(
      Map<String, List<ConnectCandidate>> map) {
    Map<String, ImmutableList<ConnectCandidate>> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, ImmutableList.copyOf(v)));
    return out;
  }

  private static ConnectCandidate candidate(SystemState state, Plug plug, InstalledSnap plugSnap,
      Slot slot, InstalledSnap slotSnap) {
    return ConnectCandidate.builder().plug(plug).plugSnap(plugSnap).slot(slot)
        .slotSnap(slotSnap).device(state.device()).build();
  }

  private static List<Connection> plainEntriesOf(SystemState state, String name) {
    return state.connections().values().stream().filter(e -> Lifecycle.involves(e, name))
        .toList();
  }

  /** Every snap name the state mentions, and one it does not. */
  private static Set<String> names(SystemState state) {
    Set<String> out = new TreeSet<>(RandomOps.SNAPS);
    state.snaps().forEach(s -> out.add(s.name()));
    state.connections().keySet().forEach(id -> {
      out.add(id.plug().snap());
      out.add(id.slot().snap());
    });
    out.add("zz");
    return out;
  }

  /** Every interface the state's snaps use, and one they do not. */
  private static Set<String> ifaces(SystemState state) {
    Set<String> out = new TreeSet<>(RandomOps.IMPLICIT);
    for (InstalledSnap s : state.snaps()) {
      s.snap().plugs().values().forEach(p -> out.add(p.iface()));
      s.snap().slots().values().forEach(p -> out.add(p.iface()));
    }
    out.add("unknown");
    return out;
  }
}
