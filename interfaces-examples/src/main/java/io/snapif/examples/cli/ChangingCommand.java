package io.snapif.examples.cli;

import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A command that changes the system through one {@link Operation}: it applies it, or with {@code
 * --dry-run} simulates it and prints what would change, writing nothing.
 */
abstract class ChangingCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;

  @Option(names = "--dry-run", description = "Show what would change; change nothing.")
  boolean dryRun;

  /** The operation to run on this system. */
  abstract Operation operation(InterfaceManager manager);

  /** What to print after the operation was applied (without {@code --json}). */
  abstract String applied(ChangeReport report, InterfaceManager manager);

  /**
   * Checks the arguments before the system is opened, so that a usage error touches nothing.
   *
   * @throws picocli.CommandLine.ParameterException for a malformed argument
   */
  void checkArguments() {}

  /** The rule files deciding this command; none unless the command takes {@code --rules}. */
  List<Path> rules() {
    return List.of();
  }

  /**
   * What to print instead of failing when the manager refuses the operation with {@code e}, for
   * refusals that snap reports as success; empty to fail.
   */
  Optional<String> refusedButFine(OperationException e) {
    return Optional.empty();
  }

  /**
   * The snaps the command line names, for suggesting installed snaps close to those that are
   * not installed.
   */
  List<String> namedSnaps() {
    return List.of();
  }

  /** Whether, with no state file yet, the command starts from the demo system. */
  boolean startsFromDemo() {
    return true;
  }

  @Override
  public final Integer call() {
    checkArguments();
    SystemSession.Access access =
        dryRun ? SystemSession.Access.DRY_RUN : SystemSession.Access.CHANGE;
    try (SystemSession session =
        SystemSession.open(root.state(), rules(), access, root.env(), startsFromDemo())) {
      InterfaceManager manager = session.manager();
      Operation op = operation(manager);
      ChangeReport report;
      try {
        report = dryRun ? manager.simulate(op) : manager.apply(op);
      } catch (OperationException e) {
        String instead = refusedButFine(e)
            .orElseThrow(() -> Suggestions.forSnaps(e, manager, namedSnaps()));
        root.out().print(instead);
        return SnapifCli.OK;
      }
      if (root.json()) {
        root.out().print(Json.write(
            ChangeOutput.json(report).set("rule-set", session.ruleSet().json())));
      } else if (dryRun) {
        root.out().print(ChangeOutput.dryRunText(report, manager.systemSnapName()));
      } else {
        root.out().print(applied(report, manager));
        // stdout mirrors snap, which has no such lines; --json and --dry-run carry them there
        report.warnings().forEach(w -> root.err().println("warning: " + w));
      }
    }
    return SnapifCli.OK;
  }
}
