package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule set a command decides with, as {@code explain} and the {@code --json} outputs name
 * it: its id ({@code builtin}, or {@code sha256:...} over the custom rules), the site rule files
 * registered with the state, and the command's own {@code --rules} files.
 *
 * @param id the policy's {@link io.snapif.spi.PolicyEvaluator#ruleSetId()}
 * @param site the names of the site rule files, in the order they apply
 * @param command the {@code --rules} files, as given
 */
record RuleSetOutput(String id, List<String> site, List<Path> command) {
  /** Where compiled rules are cached: {@code $XDG_CACHE_HOME/snapif/rule-bases}, else under
   * {@code ~/.cache}; none without either variable. */
  static Optional<Path> cacheDirectory(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Optional.of(Path.of(xdg, "snapif", "rule-bases"));
    }
    String home = env.get("HOME");
    if (home != null && !home.isEmpty()) {
      return Optional.of(Path.of(home, ".cache", "snapif", "rule-bases"));
    }
    return Optional.empty();
  }

  /**
   * One line: {@code rule set: builtin}, or {@code rule set: sha256:... (site: a.drl; --rules:
   * /tmp/b.drl)}.
   */
  String text() {
    List<String> parts = new ArrayList<>();
    if (!site.isEmpty()) {
      parts.add("site: " + String.join(", ", site));
    }
    if (!command.isEmpty()) {
      parts.add("--rules: " + String.join(", ", command.stream().map(Path::toString).toList()));
    }
    return "rule set: " + id + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")")
        + "\n";
  }

  /** {@code {"id": ..., "site": [...], "rules": [...]}}. */
  ObjectNode json() {
    ObjectNode n = Json.object();
    n.put("id", id);
    ArrayNode siteFiles = n.putArray("site");
    site.forEach(siteFiles::add);
    ArrayNode commandFiles = n.putArray("rules");
    command.forEach(p -> commandFiles.add(p.toString()));
    return n;
  }
}
