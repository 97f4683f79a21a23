package io.snapif.examples.cli;

import io.snapif.policy.SitePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code snapif policy add FILE.drl...}: registers rule files with the state. The whole
 * resulting set is compiled and merged with the built-in rules first; a file that does not
 * compile or merge, or a rule name used twice, is an error and changes nothing.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Register Drools rule files with the state (copied into the site rules "
        + "directory, STATE.rules beside the state file). A file named like a registered one "
        + "replaces it. The resulting set is compiled and merged with the built-in rules first: "
        + "a file that does not compile or merge, or a rule name used twice, changes nothing."})
final class PolicyAddCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand policy;

  @Parameters(arity = "1..*", paramLabel = "FILE.drl", description = "Rule files to register.")
  List<Path> files;

  @Override
  public Integer call() {
    SnapifCli root = policy.root;
    SitePolicy site = PolicyListCommand.site(root);
    List<SitePolicy.RuleFile> added = site.add(files);
    PolicyListCommand.printChange(root, site, "added",
        added.stream().map(SitePolicy.RuleFile::name).toList());
    return SnapifCli.OK;
  }
}
