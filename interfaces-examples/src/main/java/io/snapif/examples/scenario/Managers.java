package io.snapif.examples.scenario;

import com.google.common.collect.ImmutableList;
import io.snapif.SnapifException;
import io.snapif.spi.PolicyEvaluator;
import java.nio.file.Path;
import java.util.List;

/**
 * How the examples make managers: the built-in catalog, the Drools policy (with the user's rule
 * files, if any) and a file state store. The one place that knows the library's builders, so the
 * CLI, the scenario runner and the tests all get the same setup.
 */
public final class Managers {
  private Managers() {}

  /**
   * An opener of file-backed managers deciding with the built-in policy plus {@code ruleFiles}
   * (Drools {@code .drl} files, in order).
   *
   * @throws SnapifException if a rule file cannot be read or compiled
   */
  public static ManagerOpener fileBacked(List<Path> ruleFiles) {
    PolicyEvaluator policy = policy(ruleFiles);
    return (stateFile, device) -> {
      throw new SnapifException("no InterfaceManager implementation in this build");
    };
  }

  /**
   * The policy the examples decide with: the built-in rules plus {@code ruleFiles}.
   *
   * @throws SnapifException if a rule file cannot be read or compiled
   */
  public static PolicyEvaluator policy(List<Path> ruleFiles) {
    ImmutableList<Path> files = ImmutableList.copyOf(ruleFiles);
    throw new SnapifException("no policy evaluator in this build (rules: " + files + ")");
  }
}
