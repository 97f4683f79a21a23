package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.policy.SitePolicy;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code snapif policy list}: the site rule files of the state, each with its digest, and the id
 * of the rule set they make with the built-in rules.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List the site rule files in the order they apply, with their SHA-256 "
        + "digests, and the rule set id every command on the state decides with."})
final class PolicyListCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand policy;

  @Override
  public Integer call() {
    SnapifCli root = policy.root;
    SitePolicy site = site(root);
    root.out().print(root.json() ? Json.write(json(site)) : text(site));
    return SnapifCli.OK;
  }

  /** The site policy of the state the command line names, compiled with the rule base cache. */
  static SitePolicy site(SnapifCli root) {
    SitePolicy site = SitePolicy.forStateFile(root.state().stateFile(root.env()));
    return RuleSetOutput.cacheDirectory(root.env()).map(site::withRuleBaseCache).orElse(site);
  }

  /**
   * What {@code policy add} and {@code policy remove} print once they changed the files: with
   * {@code --json} the list, else a line {@code VERB NAME} per file, then {@code rule set: ID}.
   */
  static void printChange(SnapifCli root, SitePolicy site, String verb, List<String> names) {
    if (root.json()) {
      root.out().print(Json.write(json(site)));
      return;
    }
    StringBuilder out = new StringBuilder();
    names.forEach(n -> out.append(verb).append(' ').append(n).append('\n'));
    root.out().print(out.append("rule set: ").append(site.ruleSetId()).append('\n'));
  }

  /** A table of the files (name, digest), then {@code rule set: ID}. */
  static String text(SitePolicy site) {
    List<SitePolicy.RuleFile> files = site.files();
    StringBuilder out = new StringBuilder();
    if (files.isEmpty()) {
      out.append("no site rule files\n");
    } else {
      TabWriter table = TabWriter.snapTable().row("Name", "Digest");
      files.forEach(f -> table.row(f.name(), f.digest()));
      out.append(table.format());
    }
    return out.append("rule set: ").append(site.ruleSetId()).append('\n').toString();
  }

  /** {@code {"directory": ..., "files": [{"name", "digest"}], "rule-set": ID}}. */
  static ObjectNode json(SitePolicy site) {
    ObjectNode root = Json.object();
    root.put("directory", site.directory().toString());
    ArrayNode files = root.putArray("files");
    site.files().forEach(f -> files.addObject().put("name", f.name()).put("digest", f.digest()));
    root.put("rule-set", site.ruleSetId());
    return root;
  }
}
