package io.snapif.examples.cli;

import io.snapif.examples.scenario.ManagerOpener;
import io.snapif.examples.scenario.Managers;
import io.snapif.examples.scenario.Scenario;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.store.FileStateStore.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The system a command works on: a manager opened on the state file. When there is no state file
 * yet, a command that changes the system creates it from the demo system (or, for {@code seed},
 * empty); a command that only reads, or a dry run, works on a throw-away copy so that nothing is
 * written (a scratch state, whose saves are not forced to disk).
 */
final class SystemSession implements AutoCloseable {
  /** What the command will do with the system. */
  enum Access {
    /** Only reads. */
    READ,
    /** Changes the state file. */
    CHANGE,
    /** Simulates a change: nothing may be written. */
    DRY_RUN
  }

  private final InterfaceManager manager;
  private final Path scratch;

  private SystemSession(InterfaceManager manager, Path scratch) {
    this.manager = manager;
    this.scratch = scratch;
  }

  /** Opens the system, starting from the demo when there is no state file. */
  static SystemSession open(
      StateOptions options, List<Path> rules, Access access, Map<String, String> env) {
    return open(options, rules, access, env, true);
  }

  /** Opens the system; without a state file, starts from the demo or from an empty system. */
  static SystemSession open(StateOptions options, List<Path> rules, Access access,
      Map<String, String> env, boolean demo) {
    // The demo is the same system whatever rules this command adds: it is built with the
    // built-in policy, and the command's rules apply to what the command does with it.
    return open(options.stateFile(env), options, access, demo,
        Managers.fileBacked(rules), Managers.fileBacked(List.of()));
  }

  /**
   * Opens the system in {@code file} with {@code opener}; without a state file, starts from the
   * demo made with {@code demoOpener} (when {@code demo}) or from an empty system, of the kind
   * {@code options} say.
   *
   * @throws CliFailure if the state exists for another device than {@code options} name
   */
  static SystemSession open(Path file, StateOptions options, Access access, boolean demo,
      ManagerOpener opener, ManagerOpener demoOpener) {
    boolean classic = options.classicSystem();
    if (Files.exists(file)) {
      // a stored state keeps its own device: the demo scenario need not be read for one
      InterfaceManager manager = opener.open(file, Device.classicUbuntu());
      try {
        options.checkExisting(manager.device(), file);
      } catch (CliFailure e) {
        manager.close();
        throw e;
      }
      return new SystemSession(manager, null);
    }
    Scenario scenario = options.withModel(DemoSystem.scenario(classic));
    Device device = scenario.device();
    Path scratch = null;
    Path target = file;
    Durability durability = Durability.MACHINE_CRASH;
    try {
      if (access == Access.CHANGE) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } else {
        scratch = Files.createTempDirectory("snapif-");
        target = scratch.resolve("state.json");
        durability = Durability.PROCESS_CRASH; // deleted when the command ends
      }
      if (demo) {
        DemoSystem.create(target, durability, scenario, demoOpener);
      }
      return new SystemSession(opener.open(target, device, durability), scratch);
    } catch (IOException e) {
      delete(scratch);
      throw new CliFailure("cannot create the state file " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      delete(scratch);
      if (scratch == null) {
        // a half-made demo state would be taken for a real one next time
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the original failure is what matters
        }
      }
      throw e;
    }
  }

  InterfaceManager manager() {
    return manager;
  }

  @Override
  public void close() {
    try {
      manager.close();
    } finally {
      delete(scratch);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary copy is harmless
    }
  }
}
