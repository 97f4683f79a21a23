package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import io.snapif.store.FileStateStore;
import io.snapif.store.InMemoryStateStore;
import io.snapif.testing.RandomOps;
import io.snapif.testing.SimulateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the lifecycle over random operation sequences (see {@link RandomOps}). */
class LifecyclePropertiesTest {

  @Provide
  Arbitrary<List<Operation>> operations() {
    return RandomOps.operations();
  }

  private static DefaultInterfaceManager manager(StateStore store) {
    return (DefaultInterfaceManager) InterfaceManager.builder().policy(RandomOps.policy())
        .implicitInterfaces(RandomOps.IMPLICIT).store(store).build();
  }

  /** Applies {@code op}; a refusal returns null (and must have changed nothing). */
  private static ChangeReport applyOrNull(DefaultInterfaceManager m, Operation op) {
    SystemState before = m.state();
    try {
      return m.apply(op);
    } catch (OperationException e) {
      assertThat(m.state()).as("state after failed %s", op.describe()).isSameAs(before);
      return null;
    }
  }

  @Property
  void connectionsNeverJoinDifferentInterfaces(@ForAll("operations") List<Operation> ops) {
    DefaultInterfaceManager m = manager(new InMemoryStateStore());
    for (Operation op : ops) {
      Map<ConnectionId, Connection> retired = Map.copyOf(m.retired());
      ChangeReport report = applyOrNull(m, op);
      if (report != null) {
        for (Connection added : report.added().values()) {
          // entries made by the operation (not ones a reinstall brought back as they were)
          if (!added.undesired() && !retired.containsKey(added.id())) {
            assertThat(added.iface())
                .isEqualTo(plug(m, added.id()).iface())
                .isEqualTo(slot(m, added.id()).iface());
          }
        }
      }
      for (ConnectionId id : m.established().keySet()) {
        assertThat(plug(m, id).iface()).isEqualTo(slot(m, id).iface());
      }
    }
  }

  @Property
  void undesiredEntriesSurviveInstallAndRefresh(@ForAll("operations") List<Operation> ops) {
    DefaultInterfaceManager m = manager(new InMemoryStateStore());
    for (Operation op : ops) {
      Map<ConnectionId, Connection> undesired = Map.copyOf(m.connections().entrySet().stream()
          .filter(e -> e.getValue().undesired())
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
      ChangeReport report = applyOrNull(m, op);
      if (report != null
          && (op instanceof Operation.Install || op instanceof Operation.Refresh)) {
        undesired.forEach((id, entry) -> assertThat(m.connections().get(id))
            .as("undesired %s after %s", id, op.describe()).isEqualTo(entry));
      }
    }
  }

  @Property
  void failedOperationsChangeNothing(@ForAll("operations") List<Operation> ops) {
    DefaultInterfaceManager m = manager(new InMemoryStateStore());
    for (Operation op : ops) {
      ChangeReport report = applyOrNull(m, op); // asserts that a failure changed nothing
      Statistics.label("operations").collect(op.getClass().getSimpleName(),
          report == null ? "refused" : report.isEmpty() ? "no change" : "changed");
    }
    Statistics.label("entries at the end").collect(Math.min(m.connections().size(), 5));
    Statistics.label("remembered at the end").collect(Math.min(m.remembered().size(), 3));
    assertThat(m.state().generation()).isLessThanOrEqualTo(ops.size());
  }

  @Property
  void refreshWithTheSameSnapIsAFixpoint(@ForAll("operations") List<Operation> ops) {
    DefaultInterfaceManager m = manager(new InMemoryStateStore());
    ops.forEach(op -> applyOrNull(m, op));
    for (InstalledSnap snap : m.snaps().subList(1, m.snaps().size())) {
      m.apply(new Operation.Refresh(snap));
      InstalledSnap refreshed = m.snap(snap.name()).orElseThrow();
      ChangeReport again = m.apply(new Operation.Refresh(refreshed));
      assertThat(again.isEmpty()).as("second refresh of %s: %s", snap.name(), again).isTrue();
    }
  }

  @Property
  void simulatePredictsApplyAndChangesNothing(@ForAll("operations") List<Operation> ops) {
    DefaultInterfaceManager m = manager(new InMemoryStateStore());
    for (Operation op : ops) {
      SystemState before = m.state();
      SimulateCheck.simulateThenApply(m, op, () -> assertThat(m.state()).isSameAs(before));
    }
  }

  @Property(tries = 40)
  void reopeningTheFileStoreRestoresTheState(@ForAll("operations") List<Operation> ops)
      throws IOException {
    Path dir = Files.createTempDirectory("snapif-restart");
    try {
      Path file = dir.resolve("state.json");
      SystemState before;
      try (DefaultInterfaceManager m = manager(FileStateStore.open(file))) {
        ops.forEach(op -> applyOrNull(m, op));
        before = m.state();
      }
      try (DefaultInterfaceManager m = manager(FileStateStore.open(file))) {
        assertThat(m.state()).isEqualTo(before);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Property
  void reopeningAnInMemoryStoreRestoresTheState(@ForAll("operations") List<Operation> ops) {
    InMemoryStateStore store = new InMemoryStateStore();
    SystemState before;
    try (DefaultInterfaceManager m = manager(store)) {
      ops.forEach(op -> applyOrNull(m, op));
      before = m.state();
    }
    try (DefaultInterfaceManager m = manager(store)) {
      assertThat(m.state()).isEqualTo(before);
    }
  }

  private static Plug plug(InterfaceManager m, ConnectionId id) {
    return m.snap(id.plug().snap()).orElseThrow().snap().plugs().get(id.plug().name());
  }

  private static Slot slot(InterfaceManager m, ConnectionId id) {
    return m.snap(id.slot().snap()).orElseThrow().snap().slots().get(id.slot().name());
  }
}
