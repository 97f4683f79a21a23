package io.snapif.examples.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code snapif completion}: a shell completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a bash or zsh completion script for snapif's commands and options.",
        "Load it in the current shell (bash, or zsh, where it enables bashcompinit) with:",
        "  source <(snapif completion)"})
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    root.out().print(AutoComplete.bash("snapif", spec.root().commandLine()));
    return SnapifCli.OK;
  }
}
