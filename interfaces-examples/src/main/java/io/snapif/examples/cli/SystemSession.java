package io.snapif.examples.cli;

import io.snapif.examples.scenario.ManagerOpener;
import io.snapif.examples.scenario.Managers;
import io.snapif.examples.scenario.Scenario;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.policy.SitePolicy;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import io.snapif.store.FileErrors;
import io.snapif.store.FileStateStore;
import io.snapif.store.JsonLinesDecisionLog;
import io.snapif.store.FileStateStore.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system a command works on: a manager opened on the state file. When there is no state file
 * yet, a command starts from the demo system (or, for {@code seed}, an empty one): a command that
 * changes the system writes the state file when its change commits; one that only reads, or a
 * dry run, works on a throw-away copy so that nothing is written (a scratch state, whose saves
 * are not forced to disk).
 */
final class SystemSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SystemSession.class);

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
  /** The decision log the manager writes to, closed after it; null without one. */
  private JsonLinesDecisionLog decisionLog;
  private RuleSetOutput ruleSet = new RuleSetOutput("builtin", List.of(), List.of());

  private SystemSession(InterfaceManager manager, Path scratch) {
    this.manager = manager;
    this.scratch = scratch;
    LOG.debug("opened {} state, generation {}, {} snaps",
        scratch == null ? "the" : "a throw-away copy of the", manager.generation(),
        manager.snaps().size());
  }

  /** Opens the system, starting from the demo when there is no state file. */
  static SystemSession open(
      StateOptions options, List<Path> rules, Access access, Map<String, String> env) {
    return open(options, rules, access, env, true);
  }

  /**
   * Opens the system; without a state file, starts from the demo or from an empty system. The
   * command decides with the built-in rules, the site rules registered with the state file
   * ({@link SitePolicy}) and {@code rules}.
   */
  static SystemSession open(StateOptions options, List<Path> rules, Access access,
      Map<String, String> env, boolean demo) {
    Path file = options.stateFile(env);
    List<String> site = SitePolicy.forStateFile(file).names();
    PolicyEvaluator policy =
        Managers.sitePolicy(file, rules, RuleSetOutput.cacheDirectory(env));
    // The demo is the same system whatever rules this command adds: it is built with the
    // built-in policy, and the command's rules apply to what the command does with it. Its
    // decisions are not the command's, so they are not logged.
    RuleSetOutput ruleSet = new RuleSetOutput(policy.ruleSetId(), site, rules);
    Optional<Path> logFile = options.decisionLogFile(env);
    // opened before the system, so that a log that cannot be written changes nothing
    JsonLinesDecisionLog log = logFile.map(JsonLinesDecisionLog::open).orElse(null);
    try {
      ManagerOpener opener =
          log == null ? Managers.fileBacked(policy) : Managers.fileBacked(policy, log);
      SystemSession session =
          open(file, options, access, demo, opener, Managers.fileBacked(List.of()));
      session.decisionLog = log;
      session.ruleSet = ruleSet;
      return session;
    } catch (RuntimeException e) {
      if (log != null) {
        log.close();
      }
      throw e;
    }
  }

  /**
   * Opens the system in {@code file} with {@code opener}; without a state file, starts from the
   * demo made with {@code demoOpener} (when {@code demo}) or from an empty system, of the kind
   * {@code options} say. A command that changes the system writes a new state file when its
   * change commits, not before: one that is refused, fails or changes nothing leaves the file
   * system as it was.
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
    if (access == Access.CHANGE) {
      return new SystemSession(
          openNew(file, device, demo ? demoState(scenario, demoOpener) : null, opener), null);
    }
    Path scratch = scratchDirectory();
    try {
      Path target = scratch.resolve("state.json");
      if (demo) {
        DemoSystem.create(target, Durability.PROCESS_CRASH, scenario, demoOpener);
      }
      return new SystemSession(opener.open(target, device, Durability.PROCESS_CRASH), scratch);
    } catch (RuntimeException e) {
      delete(scratch);
      throw e;
    }
  }

  /**
   * A manager on the state file {@code file}, which does not exist yet: it starts from {@code
   * initial} (null: a fresh system) and writes the file at its first commit.
   */
  private static InterfaceManager openNew(
      Path file, Device device, SystemState initial, ManagerOpener opener) {
    FileStateStore store = FileStateStore.open(file);
    try {
      if (store.load().isPresent()) {
        return opener.open(store, device); // written by another command since we looked
      }
      Unwritten unwritten = new Unwritten(store, initial);
      InterfaceManager manager = opener.open(unwritten, device);
      unwritten.opened = true;
      return manager;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The demo system's state, made in a scratch directory. */
  private static SystemState demoState(Scenario scenario, ManagerOpener demoOpener) {
    Path scratch = scratchDirectory();
    try {
      Path file = scratch.resolve("state.json");
      DemoSystem.create(file, Durability.PROCESS_CRASH, scenario, demoOpener);
      try (FileStateStore store = FileStateStore.open(file, Durability.PROCESS_CRASH)) {
        return store.load().orElseThrow();
      }
    } finally {
      delete(scratch);
    }
  }

  /**
   * The store of a state file not written yet. It starts from the initial state, and what the
   * manager saves while it opens (a fresh system, say) stays in memory: the file is written by
   * the first save after that, a committed change.
   */
  private static final class Unwritten implements StateStore {
    private final FileStateStore file;
    private Optional<SystemState> state;
    /** Whether the manager is open: from now on a save is a commit. */
    boolean opened;

    Unwritten(FileStateStore file, SystemState initial) {
      this.file = file;
      this.state = Optional.ofNullable(initial);
    }

    @Override
    public Optional<SystemState> load() {
      return state;
    }

    @Override
    public void save(SystemState saved) {
      if (opened) {
        file.save(saved);
      }
      state = Optional.of(saved);
    }

    @Override
    public void close() {
      file.close();
    }
  }

  private static Path scratchDirectory() {
    try {
      return Files.createTempDirectory("snapif-");
    } catch (IOException e) {
      throw new CliFailure("cannot create a scratch directory: " + FileErrors.reason(e), e);
    }
  }

  InterfaceManager manager() {
    return manager;
  }

  /** The rule set the command decides with. */
  RuleSetOutput ruleSet() {
    return ruleSet;
  }

  @Override
  public void close() {
    try {
      manager.close();
    } finally {
      if (decisionLog != null) {
        decisionLog.close();
      }
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
