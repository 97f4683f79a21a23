package io.snapif.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableList;
import io.snapif.SnapifException;
import io.snapif.declaration.Declaration;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.ErrorKind;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.model.GadgetConnection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.store.FileStateStore.Durability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Runs a {@link Scenario}'s ops one by one through an {@link InterfaceManager} and records, after
 * each, whether it succeeded and the whole connection state.
 *
 * <p>Each run gets a fresh state file in a temporary directory (deleted afterwards, so its saves
 * are not forced to disk: {@link Durability#PROCESS_CRASH}); a {@code restart} op closes the
 * manager and opens a new one on that file, so it really goes through the store. Snaps are
 * built from the scenario: snap.yaml, declaration and gadget.yaml are read when an op uses the
 * snap (a bad one fails that op with {@code invalid-snap}); revision 1 on first install, one
 * more on every later install or refresh of the same name. An op the runner cannot
 * run fails with {@code conflict}; it is never skipped.
 *
 * <p>A runner holds no state between runs and may run scenarios from several threads.
 */
public final class ScenarioRunner {

  /** Hears about each step as it completes (for progress display). */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called after step {@code index} (0-based) of {@code total}.
     */
    void stepDone(int index, int total, StepResult step);
  }

  private final ManagerOpener opener;

  public ScenarioRunner(ManagerOpener opener) {
    this.opener = opener;
  }

  /** Runs {@code scenario}; never throws for a failing op (that is a failed step). */
  public ScenarioResult run(Scenario scenario) {
    return run(scenario, (i, n, s) -> { });
  }

  /**
   * Runs {@code scenario}, telling {@code listener} about every step.
   *
   * @throws UncheckedIOException if no temporary state directory can be made
   */
  public ScenarioResult run(Scenario scenario, Listener listener) {
    return run(scenario, listener, true);
  }

  /**
   * Runs {@code scenario}, telling {@code listener} about every step. Unless {@code keepStates},
   * the result's steps have empty {@link StepResult#connections()} (the listener still gets them
   * whole): a caller that writes each step as it comes then holds one state at a time, not one
   * per step.
   *
   * @throws UncheckedIOException if no temporary state directory can be made
   */
  public ScenarioResult run(Scenario scenario, Listener listener, boolean keepStates) {
    Path dir;
    try {
      dir = Files.createTempDirectory("snapif-scenario-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory", e);
    }
    try {
      return runOn(dir.resolve("state.json"), Durability.PROCESS_CRASH, scenario, listener,
          keepStates);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Runs {@code scenario} on the state in {@code stateFile} (a fresh state when the file does
   * not exist) and leaves the state there: how a system is prepared from a scenario. Every save
   * is forced to disk ({@link Durability#MACHINE_CRASH}).
   */
  public ScenarioResult runOn(Path stateFile, Scenario scenario, Listener listener) {
    return runOn(stateFile, Durability.MACHINE_CRASH, scenario, listener);
  }

  /**
   * Runs {@code scenario} on the state in {@code stateFile}, as {@link #runOn(Path, Scenario,
   * Listener)}, with saves that survive what {@code durability} says: {@link
   * Durability#PROCESS_CRASH} for a state file in a scratch directory.
   */
  public ScenarioResult runOn(
      Path stateFile, Durability durability, Scenario scenario, Listener listener) {
    return runOn(stateFile, durability, scenario, listener, true);
  }

  private ScenarioResult runOn(Path stateFile, Durability durability, Scenario scenario,
      Listener listener, boolean keepStates) {
    long start = System.nanoTime();
    try (Run run = new Run(scenario, stateFile, durability)) {
      ImmutableList.Builder<StepResult> steps = ImmutableList.builder();
      List<ScenarioOp> ops = scenario.ops();
      for (int i = 0; i < ops.size(); i++) {
        StepResult step = run.step(ops.get(i));
        listener.stepDone(i, ops.size(), step);
        steps.add(keepStates ? step : StepResult.builder().from(step)
            .state(ScenarioState.empty()).decisions(List.of()).build());
      }
      return ScenarioResult.builder()
          .name(scenario.name())
          .steps(steps.build())
          .elapsed(Duration.ofNanos(System.nanoTime() - start))
          .build();
    }
  }

  /** An op the runner itself refuses, with the kind to report. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ErrorKind kind;

    Refusal(ErrorKind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }

  /** One run: the scenario, the open manager and the revisions handed out so far. */
  private final class Run implements AutoCloseable {
    private final Scenario scenario;
    private final Path stateFile;
    private final Durability durability;
    private final Map<String, Integer> lastRevision = new HashMap<>();
    /**
     * The snap.yaml of each snap of the scenario, read on another thread while the ops run: it
     * is the runner's work, not the manager's, and on a second core it costs the run nothing.
     */
    private final Map<String, CompletableFuture<Snap>> readAhead = new HashMap<>();
    private InterfaceManager manager;

    Run(Scenario scenario, Path stateFile, Durability durability) {
      this.scenario = scenario;
      this.stateFile = stateFile;
      this.durability = durability;
      ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "snapif-scenario-reader");
        t.setDaemon(true);
        return t;
      });
      scenario.snaps().forEach((name, spec) -> readAhead.put(name, CompletableFuture.supplyAsync(
          () -> SnapDocuments.readSnapYaml(spec.yaml(), specSource(name)), reader)));
      reader.shutdown(); // the reads queued go on; the thread ends after the last
      this.manager = opener.open(stateFile, scenario.device(), durability);
    }

    StepResult step(ScenarioOp op) {
      long start = System.nanoTime();
      var b = StepResult.builder().op(op.describe()).ok(true);
      try {
        ChangeReport report = perform(op);
        if (report != null) {
          b.warnings(report.warnings()).decisions(report.decisions());
        }
      } catch (OperationException e) {
        b.ok(false).errorKind(e.kind()).message(e.getMessage());
        e.decision().ifPresent(b::addDecisions);
      } catch (InvalidSnapException e) {
        b.ok(false).errorKind(ErrorKind.INVALID_SNAP).message(e.getMessage());
      } catch (Refusal e) {
        b.ok(false).errorKind(e.kind).message(e.getMessage());
      } catch (SnapifException e) {
        // the library's own typed failures (policy rules that failed or ran too long, storage)
        b.ok(false).errorKind(ErrorKind.CONFLICT).message(e.getMessage());
      } catch (RuntimeException e) {
        // A defect or an unexpected failure in a part: record it in place and carry on, so the
        // steps after it are still compared.
        b.ok(false).errorKind(ErrorKind.CONFLICT).message("internal error: " + e);
      }
      // the op's own time: capturing the state for the result is the runner's cost, not the op's
      b.elapsed(Duration.ofNanos(System.nanoTime() - start));
      return b.state(connections()).build();
    }

    /** Performs {@code op}; its report, or null for an op that is not the manager's. */
    private ChangeReport perform(ScenarioOp op) {
      if (manager == null && !(op instanceof ScenarioOp.Restart)) {
        throw new Refusal(ErrorKind.CONFLICT, "no manager: reopening the state failed");
      }
      if (op instanceof ScenarioOp.Restart) {
        restart();
        return null;
      } else if (op instanceof ScenarioOp.Unsupported u) {
        throw new Refusal(ErrorKind.CONFLICT, "cannot run \"" + u.text() + "\": " + u.problem());
      } else if (op instanceof ScenarioOp.Install i) {
        InstalledSnap snap = fromSpec(spec(i.snap()), Optional.empty(), Optional.empty());
        ChangeReport report = manager.apply(new Operation.Install(snap));
        lastRevision.put(snap.name(), snap.snap().revision());
        return report;
      } else if (op instanceof ScenarioOp.Seed s) {
        ImmutableList.Builder<InstalledSnap> snaps = ImmutableList.builder();
        Map<String, Integer> revisions = new HashMap<>();
        for (String name : s.snaps()) {
          InstalledSnap snap = fromSpec(spec(name), Optional.empty(), Optional.empty());
          snaps.add(snap);
          revisions.put(name, snap.snap().revision());
        }
        ChangeReport report = manager.apply(new Operation.Seed(snaps.build()));
        lastRevision.putAll(revisions);
        return report;
      } else if (op instanceof ScenarioOp.Refresh r) {
        InstalledSnap snap = refreshed(r);
        ChangeReport report = manager.apply(new Operation.Refresh(snap));
        lastRevision.put(snap.name(), snap.snap().revision());
        return report;
      } else if (op instanceof ScenarioOp.Remove r) {
        return manager.apply(new Operation.Remove(r.snap()));
      } else if (op instanceof ScenarioOp.Connect c) {
        return manager.apply(
            new Operation.Connect(c.plugSnap(), c.plug(), c.slotSnap(), c.slot()));
      } else if (op instanceof ScenarioOp.Disconnect d) {
        return manager.apply(new Operation.Disconnect(
            d.snap(), d.name(), d.otherSnap(), d.otherName(), d.forget()));
      } else {
        throw new Refusal(ErrorKind.CONFLICT, "cannot run \"" + op.describe() + "\"");
      }
    }

    private void restart() {
      InterfaceManager old = manager;
      manager = null;
      if (old != null) {
        old.close();
      }
      manager = opener.open(stateFile, scenario.device(), durability);
    }

    private SnapSpec spec(String name) {
      SnapSpec spec = scenario.snaps().get(name);
      if (spec == null) {
        throw new Refusal(ErrorKind.CONFLICT,
            "the scenario has no snap \"" + name + "\" under snaps");
      }
      return spec;
    }

    /**
     * The new revision of a refreshed snap: the op's snap.yaml and declaration where given, else
     * the installed ones (or the scenario's, when it is not installed and the manager is to say
     * so).
     */
    private InstalledSnap refreshed(ScenarioOp.Refresh r) {
      Optional<InstalledSnap> current = manager.snap(r.snap());
      SnapSpec spec = scenario.snaps().get(r.snap());
      if (current.isEmpty()) {
        if (spec == null && r.yaml().isEmpty()) {
          throw new Refusal(ErrorKind.NOT_INSTALLED,
              "snap \"" + r.snap() + "\" is not installed");
        }
        SnapSpec base = spec != null ? spec
            : SnapSpec.builder().name(r.snap()).yaml(r.yaml().get()).build();
        return fromSpec(base, r.yaml(), r.declaration());
      }
      InstalledSnap installed = current.get();
      String where = "refresh of " + r.snap();
      Snap snap = r.yaml().isPresent()
          ? readSnap(r.snap(), r.yaml().get(), where + ": snap.yaml")
          : installed.snap();
      Optional<Declaration> declaration = installed.declaration();
      if (r.declaration().isPresent() && !installed.dangerous()) {
        declaration = Optional.of(readDeclaration(r.declaration().get(), where + ": declaration"));
      }
      ImmutableList<GadgetConnection> gadget = installed.gadgetConnections();
      if (r.yaml().isPresent()) {
        gadget = spec == null ? gadget : gadgetConnections(spec, snap);
      }
      return SnapDocuments.installed(snap, nextRevision(r.snap()), installed.snap().snapId(),
          installed.snap().publisherId(), declaration, gadget);
    }

    private InstalledSnap fromSpec(
        SnapSpec spec, Optional<String> yaml, Optional<JsonNode> declarationOverride) {
      String name = spec.name();
      Snap snap = yaml.isPresent()
          ? readSnap(name, yaml.get(), specSource(name))
          : named(name, readAhead(name), specSource(name));
      Optional<Declaration> declaration = Optional.empty();
      if (!spec.dangerous()) {
        Optional<JsonNode> headers = declarationOverride.or(spec::declaration);
        declaration = Optional.of(headers
            .map(h -> readDeclaration(h, "snaps." + name + ".declaration"))
            .orElse(Declaration.empty()));
      }
      return SnapDocuments.installed(snap, nextRevision(name), spec.effectiveSnapId(),
          spec.effectivePublisherId(), declaration, gadgetConnections(spec, snap));
    }

    private ImmutableList<GadgetConnection> gadgetConnections(SnapSpec spec, Snap snap) {
      if (snap.type() != SnapType.GADGET || spec.gadgetYaml().isEmpty()) {
        return ImmutableList.of();
      }
      return SnapDocuments.readGadgetConnections(
          spec.gadgetYaml().get(), "snaps." + spec.name() + ".gadget-yaml");
    }

    private Snap readSnap(String name, String yaml, String source) {
      return named(name, SnapDocuments.readSnapYaml(yaml, source), source);
    }

    /** The snap.yaml of the scenario's snap {@code name}, as read ahead (or its error). */
    private Snap readAhead(String name) {
      try {
        return readAhead.get(name).join();
      } catch (CompletionException e) {
        Throwables.throwIfUnchecked(e.getCause());
        throw e;
      }
    }

    private static String specSource(String name) {
      return "snaps." + name + ".yaml";
    }

    private static Snap named(String name, Snap snap, String source) {
      if (!snap.name().equals(name)) {
        throw new InvalidSnapException(source,
            "snap.yaml names snap \"" + snap.name() + "\", not \"" + name + "\"", null);
      }
      return snap;
    }

    private Declaration readDeclaration(JsonNode headers, String source) {
      return SnapDocuments.readDeclaration(headers, source);
    }

    private int nextRevision(String name) {
      return lastRevision.getOrDefault(name, 0) + 1;
    }

    private ScenarioState connections() {
      return manager == null ? ScenarioState.empty()
          : ScenarioState.of(manager.connections(), manager.systemSnapName());
    }

    @Override
    public void close() {
      if (manager != null) {
        manager.close();
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the result stands.
    }
  }
}
