package io.snapif.examples.bench;

import io.snapif.examples.scenario.Scenario;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation on a system of {@code installed} snaps, through the manager with the built-in
 * policy: installing one more snap, connecting and disconnecting one pair. Each is {@code
 * simulate}d (the whole operation, decisions included, without committing), so the system stays
 * the same size from one invocation to the next.
 *
 * <p>Two installs: {@code installOne} installs a copy of {@code app-0000}, whose content plug is
 * a candidate for every content slot and whose dbus slot for every dbus plug, so its policy work
 * grows with the system whatever the manager does; {@code installSystemOnly} installs a snap
 * whose plugs meet only the system snap's slots, so all that grows with the system is what the
 * manager itself does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ManagerBenchmark {
  @Param({"1000", "10000"})
  public int installed;

  private InterfaceManager manager;
  private Operation install;
  private Operation installSystemOnly;
  private Operation connect;
  private Operation disconnect;

  @Setup(Level.Trial)
  public void setUp() {
    Scenario scenario = BenchSystems.synthetic1000();
    List<InstalledSnap> snaps = BenchSystems.snaps(scenario, installed + 1);
    manager = BenchSystems.system(scenario, snaps.subList(0, installed),
        BenchSystems.builtinPolicy());
    // the snap one past the system: a copy of one of the scenario's under a new name
    install = new Operation.Install(snaps.get(installed));
    installSystemOnly = new Operation.Install(BenchSystems.systemOnly(scenario));
    // app-0001 plugs camera, which the base declaration never auto-connects
    connect = new Operation.Connect("app-0001", "camera", Optional.of("core"),
        Optional.of("camera"));
    manager.apply(new Operation.Connect("app-0001", "home", Optional.of("core"),
        Optional.of("home")));
    // what the installed system holds on to (the manager, its state, the engine)
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap in use with %d snaps installed: %d MB%n", installed,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    disconnect = new Operation.Disconnect("app-0001", "home", Optional.of("core"),
        Optional.of("home"), false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    manager.close();
  }

  @Benchmark
  public ChangeReport installOne() {
    return manager.simulate(install);
  }

  @Benchmark
  public ChangeReport installSystemOnly() {
    return manager.simulate(installSystemOnly);
  }

  @Benchmark
  public ChangeReport connectOne() {
    return manager.simulate(connect);
  }

  @Benchmark
  public ChangeReport disconnectOne() {
    return manager.simulate(disconnect);
  }
}
