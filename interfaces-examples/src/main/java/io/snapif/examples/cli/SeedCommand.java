package io.snapif.examples.cli;

import com.google.common.collect.ImmutableList;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code snapif seed DIR...}: first boot of a new system. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = {"First boot: install the given snaps, in order, on a new system.",
        "Each DIR is as PATH for install. List the gadget first: its gadget.yaml connections "
            + "are made now, and only now. Without a state file the new system is empty (not "
            + "the demo); a system that exists is already seeded."})
final class SeedCommand extends ChangingCommand {
  @Mixin RulesOption rules;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Snap directories or snap.yamls.")
  List<Path> dirs;

  private ImmutableList<InstalledSnap> snaps;

  @Override
  List<Path> rules() {
    return rules.files;
  }

  @Override
  boolean startsFromDemo() {
    return false;
  }

  @Override
  Operation operation(InterfaceManager manager) {
    snaps = dirs.stream().map(d -> SnapDirectory.locate(d).installed(1, false))
        .collect(ImmutableList.toImmutableList());
    return new Operation.Seed(snaps);
  }

  @Override
  String applied(ChangeReport report, InterfaceManager manager) {
    StringBuilder out = new StringBuilder();
    snaps.forEach(s -> out.append(s.name()).append(' ').append(s.snap().version())
        .append(" seeded\n"));
    return out.toString();
  }
}
