package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.examples.scenario.Managers;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.model.Device;
import io.snapif.policy.SitePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapif policy add|remove|list}: rule files registered with the state, which every
 * command on the state applies without {@code --rules}.
 */
class SnapifCliSitePolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Denies auto-connecting vlc's home: a refresh must not connect it again. */
  private static final String NO_HOME_FOR_VLC = """
      package site.rules;

      import io.snapif.declaration.CheckKind;
      import io.snapif.policy.fact.PairCheck;
      import io.snapif.policy.fact.Verdict;

      rule "site: vlc gets no home"
      when
        $c : PairCheck(kind != CheckKind.INSTALLATION, iface == "home", plugSnap == "vlc")
      then
        insert(Verdict.deny(drools.getRule().getName(), $c, "vlc stays out of home"));
      end
      """;

  @TempDir Path home;

  private Path ruleFile(String name, String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve("given"));
    return Files.writeString(dir.resolve(name), text);
  }

  private Path siteDirectory() {
    return SitePolicy.directoryFor(CliRun.stateFile(home));
  }

  private Path vlcDirectory() throws IOException {
    Path dir = Files.createDirectories(home.resolve("vlc"));
    Files.writeString(dir.resolve("snap.yaml"), """
        name: vlc
        version: 3.0.21
        apps:
          vlc:
            command: bin/vlc
            plugs: [audio-playback, audio-record, camera, desktop, home]
        """);
    return dir;
  }

  @Test
  void policyAddListRemove_throughTheCli() throws IOException {
    Path rules = ruleFile("no-home.drl", NO_HOME_FOR_VLC);

    CliRun empty = CliRun.run(home, "policy", "list");
    CliRun add = CliRun.run(home, "policy", "add", rules.toString());
    CliRun list = CliRun.run(home, "policy", "list");
    CliRun json = CliRun.run(home, "policy", "list", "--json");

    assertThat(empty.out()).isEqualTo("no site rule files\nrule set: builtin\n");
    assertThat(add.status()).as(add.err()).isZero();
    String id = SitePolicy.forStateFile(CliRun.stateFile(home)).ruleSetId();
    assertThat(id).matches("sha256:[0-9a-f]{64}");
    assertThat(add.out()).isEqualTo("added no-home.drl\nrule set: " + id + "\n");
    String digest = SitePolicy.forStateFile(CliRun.stateFile(home)).files().get(0).digest();
    assertThat(list.out()).isEqualTo("Name         Digest\nno-home.drl  " + digest
        + "\nrule set: " + id + "\n");
    JsonNode doc = JSON.readTree(json.out());
    assertThat(doc.get("directory").asText()).isEqualTo(siteDirectory().toString());
    assertThat(doc.get("files").get(0).get("name").asText()).isEqualTo("no-home.drl");
    assertThat(doc.get("files").get(0).get("digest").asText()).isEqualTo(digest);
    assertThat(doc.get("rule-set").asText()).isEqualTo(id);
    // compiled once, by add: a cache entry for the commands that follow
    try (Stream<Path> entries = Files.list(home.resolve(".cache/snapif/rule-bases"))) {
      assertThat(entries.toList()).hasSize(1);
    }

    CliRun unknown = CliRun.run(home, "policy", "remove", "no-hom.drl");
    CliRun remove = CliRun.run(home, "policy", "remove", "no-home.drl");

    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo("error: no site rule file \"no-hom.drl\"\ndid you mean \"no-home.drl\"?\n");
    assertThat(remove.out()).isEqualTo("removed no-home.drl\nrule set: builtin\n");
    assertThat(CliRun.run(home, "policy", "list").out()).isEqualTo(empty.out());
  }

  @Test
  void policyAdd_ofABadFileOrADuplicateRuleName_changesNothing() throws IOException {
    Path good = ruleFile("no-home.drl", NO_HOME_FOR_VLC);
    assertThat(CliRun.run(home, "policy", "add", good.toString()).status()).isZero();
    String listed = CliRun.run(home, "policy", "list").out();
    Path broken = ruleFile("broken.drl", "package site.rules;\n\nrule \"x\" when Nope() then end\n");
    Path twice = ruleFile("again.drl", NO_HOME_FOR_VLC);

    CliRun bad = CliRun.run(home, "policy", "add", broken.toString());
    CliRun duplicate = CliRun.run(home, "policy", "add", twice.toString());
    CliRun badName = CliRun.run(home, "policy", "add", ruleFile("site.txt", "").toString());

    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).startsWith("error: " + broken + ":3: ");
    assertThat(duplicate.status()).isEqualTo(1);
    assertThat(duplicate.err()).contains("rule \"site: vlc gets no home\" is also defined in");
    assertThat(badName.status()).isEqualTo(1);
    assertThat(badName.err()).contains("must end in .drl");
    assertThat(CliRun.run(home, "policy", "list").out()).isEqualTo(listed);
    try (Stream<Path> files = Files.list(siteDirectory())) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactly("no-home.drl");
    }
  }

  @Test
  void policyAdd_ofAFileThatDoesNotMerge_changesNothing() throws IOException {
    Path list = ruleFile("a-list.drl", "package site.rules;\nglobal java.util.List seen;\n");
    assertThat(CliRun.run(home, "policy", "add", list.toString()).status()).isZero();
    String listed = CliRun.run(home, "policy", "list").out();
    Path registered = siteDirectory().resolve("a-list.drl");
    byte[] before = Files.readAllBytes(registered);
    // each compiles alone: one a global of another type, one a fact class the built-in rules
    // declare otherwise
    Path map = ruleFile("b-map.drl", "package site.rules;\n\nglobal java.util.Map seen;\n");
    Path retype = ruleFile("c-retype.drl", """
        package site.retype;
        import io.snapif.policy.fact.PairCheck;
        declare PairCheck
          @typesafe(false)
        end
        """);

    CliRun global = CliRun.run(home, "policy", "add", map.toString());
    CliRun declare = CliRun.run(home, "policy", "add", retype.toString());
    CliRun rules = CliRun.run(home, "explain", "vlc:camera", "--rules", retype.toString());

    assertThat(global.status()).isEqualTo(1);
    assertThat(global.err()).isEqualTo("error: " + map + ":3: global seen of package site.rules"
        + " is a java.util.Map here but a java.util.List in " + registered + "; a global must"
        + " have one type in every file of its package\n");
    assertThat(declare.status()).isEqualTo(1);
    assertThat(declare.err()).startsWith("error: " + retype + ":3: does not merge into one rule"
        + " base with the built-in rules and the files before it: Unable to merge @typesafe");
    assertThat(CliRun.run(home, "policy", "list").out()).isEqualTo(listed);
    try (Stream<Path> files = Files.list(siteDirectory())) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactly("a-list.drl");
    }
    assertThat(Files.readAllBytes(registered)).isEqualTo(before);
    // a command's --rules: the same typed error, before any decision
    assertThat(rules.status()).isEqualTo(1);
    assertThat(rules.err()).startsWith("error: " + retype + ":3: does not merge")
        .doesNotContain("internal error");
  }

  @Test
  void aCommandWithoutRules_appliesTheSiteRules_aRefreshDoesNotReconnect() throws IOException {
    Path vlc = vlcDirectory();
    assertThat(CliRun.run(home, "disconnect", "--forget", "vlc:home", ":home").status()).isZero();
    // without site rules, the refresh would connect home again
    assertThat(CliRun.run(home, "refresh", vlc.toString(), "--dry-run").out())
        .isEqualTo("would connect vlc:home :home (home, auto)\n");
    assertThat(CliRun.run(home, "policy", "add", ruleFile("no-home.drl", NO_HOME_FOR_VLC)
        .toString()).status()).isZero();

    CliRun dryRun = CliRun.run(home, "refresh", vlc.toString(), "--dry-run");
    CliRun refresh = CliRun.run(home, "refresh", vlc.toString());
    CliRun connect = CliRun.run(home, "connect", "vlc:home");

    assertThat(dryRun.out()).isEqualTo("nothing would change\n");
    assertThat(refresh.status()).as(refresh.err()).isZero();
    assertThat(CliRun.run(home, "connections", "vlc").out())
        .containsPattern("home +vlc:home +- +-\n");
    assertThat(connect.status()).isEqualTo(1);
    assertThat(connect.err()).contains("connection denied by custom rule \"site: vlc gets no"
        + " home\": vlc stays out of home");
  }

  @Test
  void explainAndJson_nameTheRuleSet_siteAndCommandRules() throws IOException {
    CliRun builtin = CliRun.run(home, "explain", "vlc:home");
    assertThat(builtin.out()).startsWith("rule set: builtin\nvlc:home: plug of interface home\n");
    assertThat(CliRun.run(home, "policy", "add", ruleFile("no-home.drl", NO_HOME_FOR_VLC)
        .toString()).status()).isZero();
    String id = SitePolicy.forStateFile(CliRun.stateFile(home)).ruleSetId();
    Path extra = ruleFile("extra.drl", "package extra;\nimport io.snapif.policy.fact.PairCheck;\n"
        + "rule \"extra: nothing\" when PairCheck(plugSnap == \"nobody\") then end\n");

    CliRun site = CliRun.run(home, "explain", "vlc:home");
    CliRun both = CliRun.run(home, "explain", "vlc:home", "--rules", extra.toString());
    CliRun json = CliRun.run(home, "explain", "vlc:home", "--json", "--rules", extra.toString());
    CliRun change = CliRun.run(home, "connect", "vlc:camera", "--dry-run", "--json");

    assertThat(site.out()).startsWith("rule set: " + id + " (site: no-home.drl)\n")
        .contains("denied (connection denied by custom rule \"site: vlc gets no home\")");
    String bothId = both.out().substring("rule set: ".length(), both.out().indexOf(' ', 10));
    assertThat(bothId).matches("sha256:[0-9a-f]{64}").isNotEqualTo(id);
    assertThat(both.out()).startsWith("rule set: " + bothId + " (site: no-home.drl; --rules: "
        + extra + ")\n");
    JsonNode ruleSet = JSON.readTree(json.out()).get("rule-set");
    assertThat(ruleSet.get("id").asText()).isEqualTo(bothId);
    assertThat(ruleSet.get("site").toString()).isEqualTo("[\"no-home.drl\"]");
    assertThat(ruleSet.get("rules").get(0).asText()).isEqualTo(extra.toString());
    JsonNode changeSet = JSON.readTree(change.out()).get("rule-set");
    assertThat(changeSet.get("id").asText()).isEqualTo(id);
    assertThat(changeSet.get("rules").size()).isZero();
  }

  @Test
  void aSiteRuleThatOverridesAnEntryFate_isLoggedWithTheBuiltinFateItOverrode()
      throws IOException {
    assertThat(CliRun.run(home, "policy", "add", ruleFile("forget-home.drl", """
        package site.rules;

        import io.snapif.policy.fact.EntryFate;
        import io.snapif.policy.fact.TouchedEntry;
        import io.snapif.spi.EntryEvent.Kind;
        import io.snapif.spi.EntryPlan.Fate;

        rule "site: disconnects of home are forgotten"
        when
          $e : TouchedEntry(event == Kind.DISCONNECT, iface == "home")
        then
          insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE, "home"));
        end
        """).toString()).status()).isZero();
    Path log = home.resolve("decisions.jsonl");

    CliRun disconnect = CliRun.run(home, "disconnect", "vlc:home", "--decision-log",
        log.toString());

    assertThat(disconnect.status()).as(disconnect.err()).isZero();
    // deleted, not remembered: zoom-client's home, remembered in the demo, is the only one
    assertThat(CliRun.run(home, "remembered").out()).doesNotContain("vlc:home");
    JsonNode fate = JSON.readTree(Files.readAllLines(log).get(0));
    assertThat(fate.get("fate").asText()).isEqualTo("deleted");
    assertThat(fate.get("verdict").get("rule").asText())
        .isEqualTo("site: disconnects of home are forgotten");
    assertThat(fate.get("overridden").toString()).isEqualTo("[{\"fate\":\"undesired\","
        + "\"rule\":\"lifecycle: a disconnected automatic connection is remembered as undesired\","
        + "\"layer\":\"lifecycle\",\"detail\":\"state entry remembered as undesired on disconnect"
        + " by rule \\\"lifecycle: a disconnected automatic connection is remembered as"
        + " undesired\\\": automatic connection, in effect\"}]");
  }

  @Test
  void theLibraryOpener_appliesTheSiteRulesOfItsStateFile() throws IOException {
    assertThat(CliRun.run(home, "disconnect", "--forget", "vlc:home", ":home").status()).isZero();
    Path state = CliRun.stateFile(home);
    SitePolicy.forStateFile(state).add(List.of(ruleFile("no-home.drl", NO_HOME_FOR_VLC)));
    Operation connect = new Operation.Connect("vlc", "home", Optional.empty(), Optional.empty());

    try (InterfaceManager manager = Managers.fileBacked(
        Managers.sitePolicy(state, List.of(), Optional.empty())).open(state,
        Device.classicUbuntu())) {
      assertThatThrownBy(() -> manager.apply(connect))
          .isInstanceOf(OperationException.class)
          .hasMessageContaining("connection denied by custom rule \"site: vlc gets no home\"");
    }
    // the same state opened with the built-in policy alone connects it
    try (InterfaceManager manager = Managers.fileBacked(List.of()).open(state,
        Device.classicUbuntu())) {
      assertThat(manager.simulate(connect).added()).hasSize(1);
    }
  }
}
