package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapif policy check}, {@code policy test} and {@code policy diff}. */
class PolicyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULES = "src/main/resources/io/snapif/examples/rules";
  private static final String VIDEOLAN = RULES + "/camera-for-videolan.drl";
  private static final String NO_CAMERA = RULES + "/no-camera-without-store.drl";

  @TempDir Path home;

  /** A rule file with one rule {@code name} denying connections of {@code iface}. */
  private Path denyRule(String file, String pkg, String name, String condition) throws IOException {
    return Files.writeString(home.resolve(file), "package " + pkg + ";\n"
        + "import io.snapif.declaration.CheckKind;\n"
        + "import io.snapif.policy.fact.PairCheck;\nimport io.snapif.policy.fact.Verdict;\n"
        + "rule \"" + name + "\"\nwhen\n  $c : PairCheck(" + condition + ")\nthen\n"
        + "  insert(Verdict.deny(drools.getRule().getName(), $c, \"not here\"));\nend\n");
  }

  // ---- check ---------------------------------------------------------------------------------

  @Test
  void check_reportsBothErrorsOfAFileWithTheirLines() throws IOException {
    Path two = Files.writeString(home.resolve("two.drl"), """
        package site.two;

        import io.snapif.policy.fact.PairCheck;

        rule "site: first"
        when
          PairCheck(publisher == "acme")
        then
        end

        rule "site: second"
        when
          PairCheck(nosuchthing == 3)
        then
        end
        """);

    CliRun r = CliRun.run(home, "policy", "check", two.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(two + ":7: PairCheck has no property \"publisher\" (in"
        + " publisher == \"acme\")\n"
        + two + ":13: PairCheck has no property \"nosuchthing\" (in nosuchthing == 3)\n"
        + "1 file: 2 problems\n");
  }

  @Test
  void check_namesBothFilesOfADuplicateRule_andReportsAsJson() throws IOException {
    Path first = denyRule("first.drl", "site.a", "site: deny", "iface == \"camera\"");
    Path second = denyRule("second.drl", "site.b", "site: deny", "iface == \"home\"");

    CliRun text = CliRun.run(home, "policy", "check", first.toString(), second.toString());
    CliRun json = CliRun.run(home, "policy", "check", first.toString(), second.toString(),
        "--json");
    CliRun good = CliRun.run(home, "policy", "check", first.toString(), NO_CAMERA);

    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out()).isEqualTo(second + ":5: rule \"site: deny\" is also defined in "
        + first + "; rule names must be unique\n2 files: 1 problem\n");
    JsonNode problem = JSON.readTree(json.out()).get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo(second.toString());
    assertThat(problem.get("line").asInt()).isEqualTo(5);
    assertThat(problem.get("kind").asText()).isEqualTo("duplicate-rule");
    assertThat(json.status()).isEqualTo(1);
    assertThat(good.status()).as(good.out()).isZero();
    assertThat(good.out()).isEqualTo("2 files: no problems\n");
  }

  @Test
  void check_refusesTheBuiltinPackage() throws IOException {
    Path hijack = denyRule("hijack.drl", "io.snapif.policy.rules", "site: x", "");

    CliRun r = CliRun.run(home, "policy", "check", hijack.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).startsWith(hijack + ":1: custom rules must not be in package"
        + " io.snapif.policy.rules");
  }

  @Test
  void check_reportsFilesThatCompileButDoNotMerge() throws IOException {
    // Each compiles alone; only one rule base of them all fails (it used to fail the first
    // decision with an internal error, while check said "no problems").
    Path retype = Files.writeString(home.resolve("retype.drl"), """
        package site.retype;

        import io.snapif.policy.fact.PairCheck;

        declare PairCheck
          @typesafe(false)
        end
        """);
    Path list = Files.writeString(home.resolve("list.drl"), "package site;\n"
        + "global java.util.List seen;\n");
    Path map = Files.writeString(home.resolve("map.drl"), "package site;\n"
        + "global java.util.Map seen;\n");

    CliRun text = CliRun.run(home, "policy", "check", VIDEOLAN, retype.toString());
    CliRun json = CliRun.run(home, "policy", "check", list.toString(), map.toString(), "--json");

    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out()).startsWith(retype + ":5: does not merge into one rule base with the"
        + " built-in rules and the files before it: Unable to merge @typesafe attribute")
        .endsWith("\n2 files: 1 problem\n");
    assertThat(json.status()).isEqualTo(1);
    JsonNode problem = JSON.readTree(json.out()).get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo(map.toString());
    assertThat(problem.get("line").asInt()).isEqualTo(2);
    assertThat(problem.get("kind").asText()).isEqualTo("merge-conflict");
    assertThat(problem.get("message").asText()).isEqualTo("global seen of package site is a"
        + " java.util.Map here but a java.util.List in " + list + "; a global must have one type"
        + " in every file of its package");
  }

  @Test
  void check_reportsARuleThatFailsEveryDecision_asPolicyAddRefusesIt() throws IOException {
    // It compiles and merges; only a decision runs it (check used to say "no problems").
    Path inventory = Files.writeString(home.resolve("inventory.drl"), """
        package site;

        rule "site: ask the inventory"
        when
        then
          throw new IllegalStateException("no inventory service");
        end
        """);

    CliRun text = CliRun.run(home, "policy", "check", VIDEOLAN, inventory.toString());
    CliRun json = CliRun.run(home, "policy", "check", inventory.toString(), "--json");
    CliRun add = CliRun.run(home, "policy", "add", inventory.toString());

    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out()).startsWith(inventory + ":3: a decision without any fact fails, so"
        + " every decision would: policy rule \"site: ask the inventory\" failed:"
        + " java.lang.IllegalStateException: no inventory service\n")
        .endsWith("\n2 files: 1 problem\n");
    assertThat(json.status()).isEqualTo(1);
    JsonNode problem = JSON.readTree(json.out()).get("problems").get(0);
    assertThat(problem.get("kind").asText()).isEqualTo("execution-failure");
    assertThat(problem.get("line").asInt()).isEqualTo(3);
    assertThat(add.status()).isEqualTo(1);
    assertThat(CliRun.run(home, "policy", "list").out()).doesNotContain("inventory.drl");
  }

  // ---- test ----------------------------------------------------------------------------------

  @Test
  void test_theSampleTestsPass_withFullCustomCoverage() {
    CliRun r = CliRun.run(home, "policy", "test", RULES + "/tests", "--rules", VIDEOLAN,
        "--rules", NO_CAMERA, "--coverage-min", "100");

    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("  PASS step 3: connect webcam-tool:camera\n")
        .contains("0 failed\n").contains("custom rules: 2 of 2 fired (100%)\n");
  }

  @Test
  void test_aFailingExpectationFailsWithAClearMessage() throws IOException {
    Path dir = Files.createDirectories(home.resolve("tests"));
    Files.writeString(dir.resolve("t.yaml"), """
        snaps:
          app: {yaml: "name: app\\nversion: '1'\\nplugs:\\n  camera: {}\\n  home: {}\\n"}
        ops:
          - op: install
            snap: app
            expect:
              connections: {"app:home core:home": {auto: true}}
          - op: connect
            plug: app:camera
            expect:
              ok: true
              allowed-by: "declarations: the deciding rule allows"
        """);
    Path deny = denyRule("deny.drl", "site", "site: no camera", "iface == \"camera\"");

    CliRun r = CliRun.run(home, "policy", "test", dir.toString(), "--rules", deny.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).startsWith("t.yaml\n  PASS step 1: install app\n"
        + "  FAIL step 2: connect app:camera\n"
        + "       expected success, but it failed with connect-denied: cannot perform the"
        + " following tasks:\n")
        .contains("       expected a decision allowed by rule \"declarations: the deciding"
            + " rule allows\", but the decisions were: app:camera core:camera denied by \"site: no"
            + " camera\"\n")
        .contains("1 passed, 1 failed\n");
  }

  @Test
  void test_coverageCountsARuleThatFiresAndOneThatDoesNot_andCoverageMinFailsBelow()
      throws IOException {
    Path dir = Files.createDirectories(home.resolve("tests"));
    Files.writeString(dir.resolve("t.yaml"), """
        snaps:
          app: {yaml: "name: app\\nversion: '1'\\nplugs:\\n  camera: {}\\n"}
        ops:
          - op: install
            snap: app
          - op: connect
            plug: app:camera
            expect: {error: connect-denied, denied-by: "site: no camera"}
        """);
    Path fires = denyRule("fires.drl", "site.a", "site: no camera", "iface == \"camera\"");
    Path never = denyRule("never.drl", "site.b", "site: no x11", "iface == \"x11\"");

    CliRun half = CliRun.run(home, "policy", "test", dir.toString(), "--rules",
        fires.toString(), "--rules", never.toString(), "--coverage-min", "50");
    CliRun tooLow = CliRun.run(home, "policy", "test", dir.toString(), "--rules",
        fires.toString(), "--rules", never.toString(), "--coverage-min", "51", "--json");

    assertThat(half.status()).as(half.out() + half.err()).isZero();
    assertThat(half.out()).contains("custom rules: 1 of 2 fired (50%)\n"
        // once for the install's auto-connect candidate, once for the connect
        + "  fired 2x     \"site: no camera\"  (" + fires + ")\n"
        + "  never fired  \"site: no x11\"  (" + never + ")\n");
    assertThat(tooLow.status()).isEqualTo(1);
    JsonNode coverage = JSON.readTree(tooLow.out()).get("coverage");
    assertThat(coverage.get("custom-percent").asInt()).isEqualTo(50);
    assertThat(coverage.get("below-min").asBoolean()).isTrue();
    assertThat(coverage.get("custom").get(1).get("fired").asInt()).isZero();
    assertThat(JSON.readTree(tooLow.out()).get("tests").get(0).get("steps").get(1)
        .get("result").asText()).isEqualTo("pass");
    // the built-in rules' coverage is counted too: the connect was weighed by precedence.drl
    assertThat(coverage.get("built-in")).anySatisfy(rule -> {
      assertThat(rule.get("rule").asText()).isEqualTo("declarations: the deciding rule allows");
      assertThat(rule.get("fired").asInt()).isEqualTo(1);
    });
  }

  @Test
  void test_aMalformedExpectationIsAnErrorNamingTheKey() throws IOException {
    Path dir = Files.createDirectories(home.resolve("tests"));
    Files.writeString(dir.resolve("t.yaml"),
        "ops:\n  - op: restart\n    expect: {error: refused}\n");

    CliRun r = CliRun.run(home, "policy", "test", dir.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + dir.resolve("t.yaml") + ": ops[0].expect.error:"
        + " unknown error kind \"refused\"");
    assertThat(r.out()).isEmpty();
  }

  // ---- diff ----------------------------------------------------------------------------------

  @Test
  void diff_reportsAManualConnectionANewDenyRuleRefuses_withBothReasons() throws IOException {
    Path deny = denyRule("deny.drl", "site", "site: no camera for chromium",
        "kind == CheckKind.CONNECTION, iface == \"camera\", plugSnap == \"chromium\"");

    CliRun r = CliRun.run(home, "policy", "diff", "--rules-new", deny.toString());
    CliRun json = CliRun.run(home, "policy", "diff", "--rules-new", deny.toString(), "--json");

    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
        connect chromium:camera core:camera: allowed -> denied
          connected manually: the new rules would refuse this connection
          before: connection allowed by slot rule of interface "camera"
            - deny-connection of the base declaration does not match and allow-connection is \
        not given (true) [declarations: the deciding rule allows, base-slot-rule]
          after: connection denied by custom rule "site: no camera for chromium"
            - not here [site: no camera for chromium, custom-rule]
        1 difference
        """);
    JsonNode d = JSON.readTree(json.out()).get("differences").get(0);
    assertThat(d.get("kind").asText()).isEqualTo("connect");
    assertThat(d.get("before").get("allowed").asBoolean()).isTrue();
    assertThat(d.get("after").get("allowed").asBoolean()).isFalse();
    assertThat(json.status()).isEqualTo(1);
  }

  @Test
  void diff_identicalRules_haveNoDifference() throws IOException {
    Path deny = denyRule("deny.drl", "site", "site: no camera", "iface == \"camera\"");

    CliRun r = CliRun.run(home, "policy", "diff", "--rules", deny.toString(),
        "--rules-new", deny.toString());
    CliRun builtin = CliRun.run(home, "policy", "diff");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("no differences\n");
    assertThat(builtin.status()).isZero();
  }

  @Test
  void diff_anAutoConnectionANewAllowRuleAdds() {
    CliRun r = CliRun.run(home, "policy", "diff", "--rules-new", VIDEOLAN, "--json");

    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("\"kind\" : \"auto-connect\"")
        .contains("\"subject\" : \"vlc:camera core:camera\"")
        .contains("\"kind\" : \"auto-connect plan\"");
  }

  @Test
  void diff_snap_comparesWhatARefreshWouldDo() throws IOException {
    Path dir = Files.createDirectories(home.resolve("vlc"));
    Files.writeString(dir.resolve("snap.yaml"), """
        name: vlc
        version: 3.0.21
        apps:
          vlc:
            command: bin/vlc
            plugs: [audio-playback, camera, home]
        """);

    CliRun r = CliRun.run(home, "policy", "diff", "--snap", dir.toString(), "--rules-new",
        VIDEOLAN);
    CliRun same = CliRun.run(home, "policy", "diff", "--snap", dir.toString(), "--rules",
        VIDEOLAN, "--rules-new", VIDEOLAN);

    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).startsWith("auto-connect vlc:camera core:camera: denied -> allowed\n")
        .contains("\nconnection vlc:camera core:camera: not made -> made (auto)\n")
        .endsWith("\n2 differences\n");
    assertThat(same.status()).as(same.err()).isZero();
    assertThat(same.out()).isEqualTo("no differences\n");
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  @Test
  void diff_aBrokenRuleFileIsTrouble() throws IOException {
    Path bad = Files.writeString(home.resolve("bad.drl"), "package site;\nrule \"x\" when then");

    CliRun r = CliRun.run(home, "policy", "diff", "--rules-new", bad.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + bad);
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }
}
