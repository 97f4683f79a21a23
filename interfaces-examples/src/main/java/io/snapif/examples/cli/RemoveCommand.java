package io.snapif.examples.cli;

import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code snapif remove SNAP}: removes a snap and its connections. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Remove a snap: its connections go, and what was remembered about them.")
final class RemoveCommand extends ChangingCommand {
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "SNAP")
  String snap;

  @Override
  List<Path> rules() {
    return rules.files;
  }

  @Override
  Operation operation(InterfaceManager manager) {
    return new Operation.Remove(snap);
  }

  @Override
  List<String> namedSnaps() {
    return List.of(snap);
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    return snap + " removed\n";
  }
}
