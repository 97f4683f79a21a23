package io.snapif.examples.cli;

import io.snapif.examples.scenario.SnapDocuments;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code snapif refresh PATH}: a new revision of an installed snap. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
    description = {"Refresh an installed snap to a new revision from its metadata.",
        "PATH is as for install. The snap keeps its snap-id, publisher and declaration unless a "
            + "snap-declaration file beside the snap.yaml replaces them."})
final class RefreshCommand extends ChangingCommand {
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "PATH", description = "snap.yaml or snap directory.")
  Path path;

  private InstalledSnap snap;

  @Override
  List<Path> rules() {
    return rules.files;
  }

  @Override
  Operation operation(InterfaceManager manager) {
    snap = nextRevision(path, manager);
    return new Operation.Refresh(snap);
  }

  /**
   * The snap at {@code path} as the next revision on {@code manager}'s system (revision 1 when
   * it is not installed). It keeps the installed snap-id, publisher and declaration unless a
   * snap-declaration file beside it replaces them.
   */
  static InstalledSnap nextRevision(Path path, InterfaceManager manager) {
    SnapDirectory dir = SnapDirectory.locate(path);
    Snap read = dir.snap();
    Optional<InstalledSnap> current = manager.snap(read.name());
    if (current.isEmpty() || dir.hasDeclaration()) {
      boolean dangerous = current.map(InstalledSnap::dangerous).orElse(false);
      int revision = current.map(c -> c.snap().revision() + 1).orElse(1);
      return dir.installed(revision, dangerous);
    }
    InstalledSnap c = current.get();
    InstalledSnap fresh = dir.installed(c.snap().revision() + 1, c.dangerous());
    return SnapDocuments.installed(fresh.snap(), c.snap().revision() + 1, c.snap().snapId(),
        c.snap().publisherId(), c.declaration(), fresh.gadgetConnections());
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    return snap.name() + " " + snap.snap().version() + " refreshed\n";
  }
}
