package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.spi.SystemState;
import io.snapif.store.InMemoryStateStore;
import io.snapif.testing.RandomOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many threads apply random operations to one manager while others query it. Every failure must
 * be an {@link OperationException}, and the final state must be what applying the successful
 * operations one after the other, in commit order, gives.
 */
class ConcurrencyStressTest {
  private static final int WRITERS = 8;
  private static final int READERS = 2;
  private static final int OPS_PER_WRITER = 250;

  private record Applied(Operation op, ChangeReport report) {}

  private static DefaultInterfaceManager manager() {
    return (DefaultInterfaceManager) InterfaceManager.builder().policy(RandomOps.policy())
        .implicitInterfaces(RandomOps.IMPLICIT).store(new InMemoryStateStore()).build();
  }

  @Test
  void concurrentOperations_areSerializable() throws Exception {
    DefaultInterfaceManager shared = manager();
    List<Applied> applied = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      List<Operation> ops = RandomOps.operation().sampleStream().limit(OPS_PER_WRITER).toList();
      writers.add(pool.submit(() -> {
        start.await();
        for (Operation op : ops) {
          try {
            applied.add(new Applied(op, shared.apply(op)));
          } catch (OperationException refused) {
            // refusals are expected; anything else fails the future
          }
        }
        return null;
      }));
    }
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(pool.submit(() -> {
        start.await();
        while (writers.stream().anyMatch(f -> !f.isDone())) {
          // each query reads one snapshot: what it returns must be self-consistent
          shared.remembered().forEach(e -> assertThat(e.connection().undesired()
              || e.why() != RememberedConnection.Why.UNDESIRED).isTrue());
          shared.connectionRows(Optional.empty()).forEach(row ->
              assertThat(row.plug().isPresent() || row.slot().isPresent()).isTrue());
          shared.established().values().forEach(c -> assertThat(c.undesired()).isFalse());
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : writers) {
      f.get(); // rethrows anything but OperationException
    }
    for (Future<?> f : readers) {
      f.get();
    }
    pool.shutdown();

    SystemState replayed = replayInCommitOrder(applied);
    assertThat(shared.state()).isEqualTo(replayed);
    assertThat(applied).isNotEmpty();
  }

  /**
   * Replays the successful operations serially. A change that committed generation g saw state
   * g-1; an operation that changed nothing reports the generation it saw. So the operations of
   * generation g are one change (the one whose report a replay at g-1 reproduces) followed by
   * no-ops.
   */
  private static SystemState replayInCommitOrder(List<Applied> applied) {
    Map<Long, List<Applied>> byGeneration = new TreeMap<>();
    for (Applied a : applied) {
      byGeneration.computeIfAbsent(a.report().generation(), g -> new ArrayList<>()).add(a);
    }
    DefaultInterfaceManager replay = manager();
    for (Map.Entry<Long, List<Applied>> group : byGeneration.entrySet()) {
      List<Applied> ops = new ArrayList<>(group.getValue());
      if (group.getKey() > replay.state().generation()) {
        Applied change = ops.stream()
            .filter(a -> reproduces(replay, a))
            .min(Comparator.comparing(a -> a.op().describe()))
            .orElseThrow(() -> new AssertionError("no operation of generation "
                + group.getKey() + " reproduces its report serially"));
        ops.remove(change);
        replay.apply(change.op());
      }
      assertThat(replay.state().generation()).isEqualTo(group.getKey());
      for (Applied noop : ops) {
        assertThat(replay.apply(noop.op())).isEqualTo(noop.report());
      }
    }
    return replay.state();
  }

  private static boolean reproduces(DefaultInterfaceManager m, Applied a) {
    try {
      return ChangeReport.builder().from(m.simulate(a.op())).committed(true).build()
          .equals(a.report());
    } catch (OperationException e) {
      return false;
    }
  }
}
