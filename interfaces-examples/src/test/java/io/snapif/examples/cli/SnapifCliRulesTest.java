package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rules}: the sample rule files shipped with the examples, and a broken one. */
class SnapifCliRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void rules_customAllowGrantsAnAutoConnection() throws IOException {
    Path dir = Files.createDirectories(home.resolve("vlc-nightly"));
    Files.writeString(dir.resolve("snap.yaml"), """
        name: vlc-nightly
        version: 4.0.0
        apps:
          vlc-nightly:
            command: bin/vlc
            plugs: [camera]
        """);
    Files.writeString(dir.resolve("snap-declaration.yaml"),
        "type: snap-declaration\nsnap-name: vlc-nightly\npublisher-id: videolan\n");

    CliRun dryWithout = CliRun.run(home, "install", dir.toString(), "--dry-run");
    CliRun install = CliRun.run(home, "install", dir.toString(), "--rules", rule("camera-for-videolan"));

    assertThat(dryWithout.out()).isEqualTo("nothing would change\n");
    assertThat(install.status()).as(install.err()).isZero();
    assertThat(CliRun.run(home, "connections", "vlc-nightly").out())
        .containsPattern("camera +vlc-nightly:camera +:camera +-\n");
  }

  @Test
  void rules_customDenyRefusesAManualConnection() throws IOException {
    Path dir = Files.createDirectories(home.resolve("webcam-tool"));
    Files.writeString(dir.resolve("snap.yaml"),
        "name: webcam-tool\nversion: '1'\napps:\n  w:\n    command: w\n    plugs: [camera]\n");
    CliRun.run(home, "install", dir.toString());
    String rules = rule("no-camera-without-store");

    CliRun denied = CliRun.run(home, "connect", "webcam-tool:camera", "--rules", rules);
    CliRun allowed = CliRun.run(home, "connect", "vlc:camera", "--rules", rules);

    assertThat(denied.status()).isEqualTo(1);
    assertThat(denied.err()).isEqualTo("error: cannot perform the following tasks:\n"
        + "- Connect webcam-tool:camera to core:camera (connection denied by custom rule"
        + " \"site: camera only for canonical, videolan and zoomvideo\": publisher"
        + " dev-webcam-tool is not trusted with the camera)\n");
    assertThat(allowed.status()).as(allowed.err()).isZero();
    assertThat(CliRun.run(home, "explain", "webcam-tool:camera", "--rules", rules).out())
        .contains("site: camera only for canonical, videolan and zoomvideo")
        .contains("publisher dev-webcam-tool is not trusted with the camera");
  }

  @Test
  void rules_aRefusedInstallationSaysTheRulesDetail() throws IOException {
    Path dir = Files.createDirectories(home.resolve("webcam-tool"));
    Files.writeString(dir.resolve("snap.yaml"),
        "name: webcam-tool\nversion: '1'\napps:\n  w:\n    command: w\n    plugs: [camera]\n");
    Path site = Files.writeString(home.resolve("site.drl"), """
        package site.rules;

        import io.snapif.declaration.Side;
        import io.snapif.policy.fact.InstallationCheck;
        import io.snapif.policy.fact.Verdict;

        rule "site: no local snaps with a camera plug"
        when
          $c : InstallationCheck(side == Side.PLUG, iface == "camera", dangerous)
        then
          insert(Verdict.deny(drools.getRule().getName(), $c,
              $c.getSnap() + " was installed with --dangerous"));
        end
        """);
    String message = "installation denied by custom rule \"site: no local snaps with a camera"
        + " plug\": webcam-tool was installed with --dangerous";
    String[] install = {"install", dir.toString(), "--dangerous", "--rules", site.toString()};

    CliRun text = CliRun.run(home, install);
    CliRun dry = CliRun.run(home, append(install, "--dry-run"));
    CliRun json = CliRun.run(home, append(install, "--json"));

    assertThat(text.status()).isEqualTo(1);
    assertThat(text.err()).isEqualTo("error: " + message + "\n");
    assertThat(dry.status()).isEqualTo(1);
    assertThat(dry.err()).isEqualTo(text.err());
    assertThat(json.status()).isEqualTo(1);
    assertThat(JSON.readTree(json.err()).get("error").get("message").asText())
        .isEqualTo(message);
    assertThat(CliRun.run(home, "connections", "webcam-tool").status()).isEqualTo(1);
  }

  @Test
  void rules_aSiteRuleChangesWhatADisconnectLeaves() throws IOException {
    Path site = Files.writeString(home.resolve("site.drl"), """
        package site.rules;

        import io.snapif.policy.fact.EntryFate;
        import io.snapif.policy.fact.TouchedEntry;
        import io.snapif.spi.EntryEvent.Kind;
        import io.snapif.spi.EntryPlan.Fate;

        rule "site: disconnects of home are not remembered"
        when
          $e : TouchedEntry(event == Kind.DISCONNECT, iface == "home")
        then
          insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE, ""));
        end
        """);

    Path plain = Files.createDirectories(home.resolve("plain"));
    CliRun without = CliRun.run(plain, "disconnect", "vlc:home");
    CliRun with = CliRun.run(home, "disconnect", "vlc:home", "--rules", site.toString());

    assertThat(without.status()).as(without.err()).isZero();
    assertThat(CliRun.run(plain, "remembered").out())
        .containsPattern("home +vlc:home +:home +undesired\n");
    assertThat(with.status()).as(with.err()).isZero();
    assertThat(CliRun.run(home, "remembered").out()).doesNotContain("vlc:home");
    assertThat(CliRun.run(home, "connections", "vlc").out())
        .containsPattern("home +vlc:home +- +-\n");
  }

  @Test
  void rules_aBrokenRuleFileIsReported() throws IOException {
    Path bad = Files.writeString(home.resolve("bad.drl"), "package site;\nrule \"x\" when then");

    CliRun r = CliRun.run(home, "connect", "vlc:camera", "--rules", bad.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("bad.drl");
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  @Test
  void rules_aFailingRuleFailsItsScenarioStepWithTheRulesMessage() throws IOException {
    Path boom = Files.writeString(home.resolve("boom.drl"), """
        package site.rules;

        import io.snapif.policy.fact.PairCheck;

        rule "site: boom"
        when
          PairCheck(iface == "camera")
        then
          throw new IllegalStateException("inventory unreachable");
        end
        """);
    Path scenario = Files.writeString(home.resolve("s.yaml"), """
        snaps:
          app: {yaml: "name: app\\nversion: '1'\\nplugs:\\n  camera: {}\\n"}
        ops:
          - {op: install, snap: app}
          - {op: connect, plug: "app:camera"}
        """);

    CliRun r = CliRun.run(home, "scenario", "run", scenario.toString(), "--rules",
        boom.toString(), "--json");

    assertThat(r.out()).containsPattern("\"kind\" ?: \"conflict\"")
        .contains("policy rule \\\"site: boom\\\" failed")
        .doesNotContain("internal error").doesNotContain("RuleExecutionException");
  }

  // scenario run starts the engine on another thread while it reads the scenario
  @Test
  void rules_aBrokenRuleFileIsReportedByScenarioRun() throws IOException {
    Path bad = Files.writeString(home.resolve("bad.drl"), "package site;\nrule \"x\" when then");
    Path scenario = Files.writeString(home.resolve("s.yaml"), "ops:\n  - {op: restart}\n");

    CliRun r = CliRun.run(home, "scenario", "run", scenario.toString(), "--rules", bad.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("bad.drl")
        .isEqualTo(CliRun.run(home, "connect", "vlc:camera", "--rules", bad.toString()).err());
    assertThat(r.out()).isEmpty();
  }

  private static String[] append(String[] args, String arg) {
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = arg;
    return all;
  }

  /** A sample rule file shipped with the examples. */
  private static String rule(String name) {
    return Path.of("src/main/resources/io/snapif/examples/rules", name + ".drl").toString();
  }
}
