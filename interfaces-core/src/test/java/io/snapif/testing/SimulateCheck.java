package io.snapif.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Simulating an operation predicts applying it, and changes nothing. */
public final class SimulateCheck {
  private SimulateCheck() {}

  /**
   * Simulates {@code op} on {@code m}, checks that nothing changed (and runs {@code
   * afterSimulate}, for checks of its own), then applies it: the report, or the failure, is the
   * one the simulation gave.
   */
  public static void simulateThenApply(InterfaceManager m, Operation op, Runnable afterSimulate) {
    Map<ConnectionId, Connection> connections = new TreeMap<>(m.connections());
    List<InstalledSnap> snaps = m.snaps();
    ChangeReport simulated = null;
    OperationException simulatedFailure = null;
    try {
      simulated = m.simulate(op);
    } catch (OperationException e) {
      simulatedFailure = e;
    }
    assertThat(m.connections()).isEqualTo(connections);
    assertThat(m.snaps()).isEqualTo(snaps);
    afterSimulate.run();
    try {
      ChangeReport applied = m.apply(op);
      assertThat(simulatedFailure).as("simulation of %s failed", op.describe()).isNull();
      assertThat(ChangeReport.builder().from(applied).committed(false).build())
          .isEqualTo(simulated);
    } catch (OperationException e) {
      assertThat(simulatedFailure).as("simulation of %s succeeded", op.describe()).isNotNull();
      assertThat(e.kind()).isEqualTo(simulatedFailure.kind());
      assertThat(e.getMessage()).isEqualTo(simulatedFailure.getMessage());
    }
  }
}
