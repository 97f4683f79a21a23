package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rules}: the sample rule files shipped with the examples, and a broken one. */
class SnapifCliRulesTest {
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
    assertThat(denied.err()).startsWith("error: ").contains("camera");
    assertThat(allowed.status()).as(allowed.err()).isZero();
    assertThat(CliRun.run(home, "explain", "webcam-tool:camera", "--rules", rules).out())
        .contains("site: camera only for canonical, videolan and zoomvideo")
        .contains("publisher dev-webcam-tool is not trusted with the camera");
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

  /** A sample rule file shipped with the examples. */
  private static String rule(String name) {
    return Path.of("src/main/resources/io/snapif/examples/rules", name + ".drl").toString();
  }
}
