package io.snapif.manager;

import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import io.snapif.store.FileStateStore;
import io.snapif.store.InMemoryStateStore;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Ops;
import io.snapif.testing.Snaps;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic, endless sequence of operations for the crash test, and the child process
 * that runs it ({@link #main}): it applies operation after operation to a manager on a {@link
 * FileStateStore} and prints {@code ACK n} once operation {@code n} has returned (applied or
 * refused), until it is killed.
 */
final class CrashScript {
  private CrashScript() {}

  static InterfaceManager manager(StateStore store) {
    return InterfaceManager.builder()
        .policy(FakePolicy.autoConnecting("network", "mpris"))
        .implicitInterfaces(List.of("network", "camera"))
        .store(store)
        .build();
  }

  static Operation op(int i) {
    return switch (i % 8) {
      case 0 -> Ops.install(Snaps.snap("app-" + i).plugs("network", "camera", "mpris").build());
      case 1 -> Ops.connect("app-" + (i - 1) + ":camera");
      case 2 -> Ops.disconnect("app-" + (i - 2) + ":network");
      case 3 -> Ops.install(Snaps.snap("provider-" + i).slots("mpris").build());
      case 4 -> Ops.refresh(Snaps.snap("app-" + (i - 4)).plugs("network", "camera")
          .granting("camera").build());
      case 5 -> Ops.forget("app-" + (i - 5) + ":network", ":network");
      case 6 -> Ops.remove("provider-" + (i - 3));
      default -> Ops.remove("app-" + (i - 15));
    };
  }

  /** The states after operations 0, 1, ..., {@code count - 1}, computed in memory. */
  static List<SystemState> replay(int count) {
    List<SystemState> states = new ArrayList<>();
    try (DefaultInterfaceManager m = (DefaultInterfaceManager) manager(new InMemoryStateStore())) {
      for (int i = 0; i < count; i++) {
        try {
          m.apply(op(i));
        } catch (OperationException refused) {
          // part of the script: the state stays as it was
        }
        states.add(m.state());
      }
    }
    return states;
  }

  /** Runs the script against the state file {@code args[0]} until killed. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    try (InterfaceManager m = manager(FileStateStore.open(Path.of(args[0])))) {
      out.println("READY");
      out.flush();
      for (int i = 0; ; i++) {
        try {
          m.apply(op(i));
        } catch (OperationException refused) {
          // part of the script
        }
        out.println("ACK " + i);
        out.flush();
      }
    }
  }
}
