package io.snapif.examples.cli;

import com.google.common.base.Throwables;
import io.snapif.examples.scenario.Managers;
import io.snapif.examples.scenario.Scenario;
import io.snapif.examples.scenario.ScenarioJson;
import io.snapif.examples.scenario.ScenarioReader;
import io.snapif.examples.scenario.ScenarioResult;
import io.snapif.examples.scenario.ScenarioRunner;
import io.snapif.examples.scenario.ScenarioState;
import io.snapif.examples.scenario.StepResult;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.store.JsonLinesDecisionLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code snapif scenario run FILE}: runs a scenario of the scenario format. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
    description = "Run scenarios: a system, its snaps and a sequence of operations.",
    subcommands = {ScenarioCommand.Run.class})
final class ScenarioCommand implements Runnable {
  @ParentCommand SnapifCli root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * {@code scenario run FILE [--json] [--rules FILE.drl ...]}; with the global {@code
   * --decision-log}, the decisions of every step go to the log.
   */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Run a scenario file (JSON or YAML) on a fresh system and report, after "
          + "every op, whether it succeeded and the connection state.",
          "Exit status 0 when the scenario ran to its end (its steps may fail: that is the "
              + "result), 1 when it could not be read or run."})
  static final class Run implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Mixin RulesOption rules;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--timing", description = {"Print timings on stderr: start-up (JVM start "
        + "to ready engine), total, and per kind of op its count, median, p99 and maximum."})
    boolean timing;

    @Override
    public Integer call() {
      Instant cliStart = Instant.now();
      SnapifCli root = parent.root;
      // The global --decision-log (or $SNAPIF_DECISION_LOG) gets every step's decisions, in
      // order, as a command's: opened first, so a log that cannot be fails the run before it.
      Optional<Path> logFile = root.state().decisionLogFile(root.env());
      try (JsonLinesDecisionLog log = logFile.map(JsonLinesDecisionLog::open).orElse(null)) {
        return run(cliStart, root, log);
      }
    }

    private Integer run(Instant cliStart, SnapifCli root, JsonLinesDecisionLog log) {
      boolean json = root.json(); // global: the result as the scenario format's JSON
      // The engine starts (a few hundred milliseconds) while the scenario is read.
      CompletableFuture<PolicyEvaluator> engine = CompletableFuture.supplyAsync(() -> {
        PolicyEvaluator p = Managers.policy(rules.files);
        Managers.warmUp(p);
        return p;
      });
      Scenario scenario = ScenarioReader.read(file);
      PolicyEvaluator policy = join(engine);
      ScenarioRunner runner = new ScenarioRunner(log == null ? Managers.fileBacked(policy)
          : Managers.fileBacked(policy, log));
      RunTiming timings = timing ? RunTiming.engineReady(cliStart) : null;
      Progress progress = new Progress(root.err(), root.terminal() && !json);
      PrintWriter out = root.out();
      // Each step is written as it completes and then dropped: the states of a large system's
      // run do not fit in memory together. The JSON goes out as bytes, not through a character
      // writer: a large system's is hundreds of megabytes.
      out.flush();
      ScenarioJson.StepStream jsonSteps =
          json ? ScenarioJson.open(root.outBytes(), scenario.name()) : null;
      // A step's JSON is written on another thread while the next op runs.
      BackgroundWriter<StepResult> jsonWriter =
          json ? new BackgroundWriter<>("snapif-scenario-json", jsonSteps::step) : null;
      ScenarioResult result;
      try {
        result = runner.run(scenario, (i, n, step) -> {
          if (jsonWriter != null) {
            jsonWriter.submit(step);
          } else {
            progress.clear();
            out.print(text(step));
            out.flush();
          }
          progress.stepDone(i, n, step);
        }, false);
      } catch (RuntimeException | Error e) {
        if (jsonWriter != null) {
          try {
            jsonWriter.close();
          } catch (RuntimeException writing) {
            if (writing != e) {
              e.addSuppressed(writing);
            }
          }
        }
        throw e;
      }
      if (jsonWriter != null) {
        jsonWriter.close();
        jsonSteps.close();
        out.print('\n');
      }
      out.flush();
      progress.finish(result);
      if (timings != null) {
        root.err().print(timings.report(result));
        root.err().flush();
      }
      return SnapifCli.OK;
    }

    private static PolicyEvaluator join(CompletableFuture<PolicyEvaluator> engine) {
      try {
        return engine.join();
      } catch (CompletionException e) {
        Throwables.throwIfUnchecked(e.getCause());
        throw e;
      }
    }

    /**
     * One step as text: {@code ok OP} or {@code FAILED OP: KIND: MESSAGE}, then the connection
     * state after it, one entry per line.
     */
    static String text(StepResult step) {
      StringBuilder out = new StringBuilder();
      if (step.ok()) {
        out.append("ok ").append(step.op()).append('\n');
      } else {
        out.append("FAILED ").append(step.op()).append(": ")
            .append(step.errorKind().get().word()).append(": ").append(step.message())
            .append('\n');
      }
      TabWriter w = TabWriter.snapTable();
      ScenarioState state = step.state();
      state.entries()
          .forEach(c -> w.row("  " + state.id(c), c.iface(), ConnectionsTable.flags(c)));
      return out.append(w.format()).toString();
    }
  }

  /** Progress on a terminal: one updating line on stderr, a summary at the end. */
  static final class Progress implements ScenarioRunner.Listener {
    private final PrintWriter err;
    private final boolean enabled;

    Progress(PrintWriter err, boolean enabled) {
      this.err = err;
      this.enabled = enabled;
    }

    @Override
    public void stepDone(int index, int total, StepResult step) {
      if (enabled) {
        err.print("\r\033[K[" + (index + 1) + "/" + total + "] " + step.op());
        err.flush();
      }
    }

    /** Takes the progress line off the terminal, for output that goes there. */
    void clear() {
      if (enabled) {
        err.print("\r\033[K");
        err.flush();
      }
    }

    void finish(ScenarioResult result) {
      if (!enabled) {
        return;
      }
      StepResult slowest = result.steps().stream()
          .max(java.util.Comparator.comparing(StepResult::elapsed)).orElse(null);
      err.print("\r\033[K");
      err.println(String.format(Locale.ROOT, "%s: %d steps, %d ok, %d failed in %.2f s%s",
          result.name(), result.steps().size(), result.steps().size() - result.failures(),
          result.failures(), result.elapsed().toNanos() / 1e9,
          slowest == null ? "" : String.format(Locale.ROOT, " (slowest: %s, %.3f s)",
              slowest.op(), slowest.elapsed().toNanos() / 1e9)));
      err.flush();
    }
  }
}
