package io.snapif.examples.cli;

import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.store.SnapdStateFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snapif import-snapd-state FILE}: takes over the connections of a snapd state.json. */
@Command(name = "import-snapd-state", mixinStandardHelpOptions = true,
    description = {"Import the connection state entries of a snapd state.json "
        + "(/var/lib/snapd/state.json): connections, undesired and by-gadget flags, attributes.",
        "Each entry replaces the one of the same id; entries naming snaps that are not "
            + "installed here are skipped with a warning."})
final class ImportSnapdStateCommand extends ChangingCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "snapd's state.json.")
  Path file;

  @Override
  Operation operation(InterfaceManager manager) {
    return new Operation.ImportConnections(SnapdStateFile.readConnections(file));
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    StringBuilder out = new StringBuilder();
    int count = report.added().size() + report.changed().size();
    out.append("imported ").append(count).append(count == 1 ? " entry" : " entries")
        .append(" from ").append(file).append('\n');
    return out.toString();
  }
}
