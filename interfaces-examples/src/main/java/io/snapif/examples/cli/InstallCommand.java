package io.snapif.examples.cli;

import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapif install PATH [--dangerous]}: installs a snap from its snap.yaml. */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = {"Install a snap from its metadata.",
        "PATH is a snap.yaml or a directory holding meta/snap.yaml or snap.yaml; a "
            + "snap-declaration.yaml (or .json) beside it gives the snap-id, publisher-id and "
            + "store grants (plugs/slots rules); without one the snap is a store snap without "
            + "grants. Policy decides whether it may be installed and what auto-connects."})
final class InstallCommand extends ChangingCommand {
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "PATH", description = "snap.yaml or snap directory.")
  Path path;

  @Option(names = "--dangerous",
      description = "Install as a local snap: no snap-id, publisher or declaration.")
  boolean dangerous;

  private InstalledSnap snap;

  @Override
  List<Path> rules() {
    return rules.files;
  }

  @Override
  Operation operation(InterfaceManager manager) {
    snap = SnapDirectory.locate(path).installed(1, dangerous);
    return new Operation.Install(snap);
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    return snap.name() + " " + snap.snap().version() + " installed\n";
  }
}
