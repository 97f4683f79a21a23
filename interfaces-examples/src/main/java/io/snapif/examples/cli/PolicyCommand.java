package io.snapif.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code snapif policy ...}: tools for the authors of site policy rules. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Tools for site policy rules: check rule files, test them, compare rule sets.",
    subcommands = {PolicyCheckCommand.class, PolicyTestCommand.class, PolicyDiffCommand.class})
final class PolicyCommand implements Runnable {
  @ParentCommand SnapifCli root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
