package io.snapif.examples.cli;

import io.snapif.manager.ErrorKind;
import io.snapif.policy.SitePolicy;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code snapif policy remove NAME...}: unregisters site rule files. The files left are
 * compiled first; if they do not compile, nothing changes.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = {"Unregister site rule files by name (as policy list shows them). The files "
        + "left are compiled first: if they do not, nothing changes."})
final class PolicyRemoveCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand policy;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "Names of site rule files.")
  List<String> names;

  @Override
  public Integer call() {
    SnapifCli root = policy.root;
    SitePolicy site = PolicyListCommand.site(root);
    List<String> known = site.names();
    for (String name : names) {
      if (!known.contains(name)) {
        throw new CliFailure(ErrorKind.NOT_FOUND, "no site rule file \"" + name + "\"",
            Suggestions.closest(name, known), null);
      }
    }
    site.remove(names);
    PolicyListCommand.printChange(root, site, "removed", names.stream().distinct().toList());
    return SnapifCli.OK;
  }
}
