package io.snapif.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules FILE.drl} (repeatable): custom Drools rules taking part in policy decisions. */
final class RulesOption {
  @Option(names = "--rules", paramLabel = "FILE.drl",
      description = "Drools rule file adding to the policy (repeatable).")
  List<Path> files = new ArrayList<>();
}
