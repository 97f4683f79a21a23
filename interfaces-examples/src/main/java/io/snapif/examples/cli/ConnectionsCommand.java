package io.snapif.examples.cli;

import io.snapif.manager.OperationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code snapif connections [SNAP] [--all]}: as {@code snap connections}. */
@Command(name = "connections", mixinStandardHelpOptions = true,
    description = {"List interface connections.",
        "Without a snap, lists the connected plugs and slots of every snap; --all adds the "
            + "unconnected ones. With a snap, lists its connected and unconnected plugs and slots."})
final class ConnectionsCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;

  @Parameters(arity = "0..1", paramLabel = "SNAP", description = "Constrain listing to a snap.")
  String snap;

  @Option(names = "--all", description = "Show connected and unconnected plugs and slots.")
  boolean all;

  @Override
  public Integer call() {
    if (snap != null && all) {
      throw new CliFailure("cannot use --all with snap name");
    }
    try (SystemSession session = SystemSession.open(
        root.state(), List.of(), SystemSession.Access.READ, root.env())) {
      ConnectionsTable table;
      try {
        table = ConnectionsTable.of(session.manager(), Optional.ofNullable(snap), all);
      } catch (OperationException e) {
        throw Suggestions.forSnaps(
            e, session.manager(), Optional.ofNullable(snap).stream().toList());
      }
      root.out().print(root.json() ? Json.write(table.json()) : table.text());
    }
    return SnapifCli.OK;
  }
}
