package io.snapif.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code snapif import-snapd-state FILE}: takes over a snapd state.json. */
@Command(name = "import-snapd-state", mixinStandardHelpOptions = true,
    description = "Import the connection state of a snapd state.json.")
final class ImportSnapdStateCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;
  @Mixin StateOptions state;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Override
  public Integer call() {
    throw new CliFailure("import-snapd-state is not available in this build");
  }
}
