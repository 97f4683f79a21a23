package io.snapif.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code snapif policy ...}: the site policy, rule files registered with the state that every
 * command on it applies ({@code add}, {@code remove}, {@code list}), and tools for the authors of
 * rules ({@code check}, {@code test}, {@code diff}).
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = {"The site policy: Drools rule files registered with the state. Every command "
        + "on the state applies them (scenario run does not), and --rules adds to them for one "
        + "command. Also tools for rule files: check them, test them, compare rule sets."},
    subcommands = {
      PolicyAddCommand.class,
      PolicyRemoveCommand.class,
      PolicyListCommand.class,
      PolicyCheckCommand.class,
      PolicyTestCommand.class,
      PolicyDiffCommand.class
    })
final class PolicyCommand implements Runnable {
  @ParentCommand SnapifCli root;
  @Spec CommandSpec spec;

  /** With no subcommand: a usage error. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a policy command is required");
  }
}
