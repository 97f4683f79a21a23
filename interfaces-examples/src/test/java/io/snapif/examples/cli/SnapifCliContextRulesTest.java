package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules} with what the manager tells the rules: the connections in effect they count
 * ({@code camera-at-most-two.drl}), {@code Verdict.allowAll} ({@code themes-to-every-slot.drl})
 * and whether the operation is committed ({@code camera-maintenance-window.drl}), as
 * docs/custom-rules.md shows them.
 */
class SnapifCliContextRulesTest {
  @TempDir Path home;

  private static String rule(String name) {
    return Path.of("src/main/resources/io/snapif/examples/rules", name + ".drl").toString();
  }

  private Path multicam() throws IOException {
    Path dir = Files.createDirectories(home.resolve("multicam"));
    Files.writeString(dir.resolve("snap.yaml"), """
        name: multicam
        version: "1.0"
        apps:
          multicam:
            command: bin/multicam
            plugs: [front, back, side]
        plugs:
          front: camera
          back: camera
          side: camera
        """);
    return dir;
  }

  private CliRun connect(String plug, String... more) {
    String[] args = new String[2 + more.length];
    args[0] = "connect";
    args[1] = plug;
    System.arraycopy(more, 0, args, 2, more.length);
    return CliRun.run(home, args);
  }

  @Test
  void cap_refusesTheThirdCameraConnectionAndCountsWhatIsConnected() throws IOException {
    CliRun.run(home, "install", multicam().toString());
    String cap = rule("camera-at-most-two");

    CliRun front = connect("multicam:front", "--rules", cap);
    CliRun back = connect("multicam:back", "--rules", cap);
    CliRun third = connect("multicam:side", "--rules", cap);
    CliRun thirdDry = connect("multicam:side", "--dry-run", "--rules", cap);
    CliRun withoutCap = connect("multicam:side", "--dry-run");
    CliRun.run(home, "disconnect", "multicam:front");
    CliRun afterDisconnect = connect("multicam:side", "--rules", cap);

    assertThat(front.status()).as(front.err()).isZero();
    assertThat(back.status()).as(back.err()).isZero();
    assertThat(third.status()).isEqualTo(1);
    assertThat(third.err()).isEqualTo("error: cannot perform the following tasks:\n"
        + "- Connect multicam:side to core:camera (connection denied by custom rule \"site: a"
        + " snap holds at most two camera connections\": multicam holds 2 camera connections"
        + " already)\n");
    assertThat(thirdDry.err()).isEqualTo(third.err());
    assertThat(withoutCap.out()).isEqualTo("would connect multicam:side :camera (camera,"
        + " manual)\n");
    assertThat(afterDisconnect.status()).as(afterDisconnect.err()).isZero();
    assertThat(CliRun.run(home, "connections", "multicam").out()).isEqualTo("""
        Interface  Plug            Slot     Notes
        camera     multicam:back   :camera  manual
        camera     multicam:front  -        -
        camera     multicam:side   :camera  manual
        """);
  }

  @Test
  void allowAll_connectsAPlugToEveryCandidate_allowLeavesItAmbiguous() throws IOException {
    Path dir = Files.createDirectories(home.resolve("theme-viewer"));
    Files.writeString(dir.resolve("snap.yaml"), """
        name: theme-viewer
        version: "1.0"
        apps:
          theme-viewer:
            command: bin/theme-viewer
        plugs:
          themes:
            interface: content
            target: $SNAP/data-dir/themes
        """);
    String all = rule("themes-to-every-slot");
    Path one = Files.writeString(home.resolve("themes-one.drl"),
        Files.readString(Path.of(all)).replace("Verdict.allowAll(", "Verdict.allow("));

    CliRun plain = CliRun.run(home, "install", dir.toString(), "--dry-run");
    CliRun ambiguous = CliRun.run(home, "install", dir.toString(), "--dry-run",
        "--rules", one.toString());
    CliRun install = CliRun.run(home, "install", dir.toString(), "--rules", all);

    assertThat(plain.out()).isEqualTo("nothing would change\n");
    assertThat(ambiguous.out()).isEqualTo("nothing would change\nwarning: cannot auto-connect plug theme-viewer:themes,"
        + " candidates found: theme-viewer:themes gtk-common-themes:gtk-3-themes,"
        + " theme-viewer:themes gtk-common-themes:icon-themes,"
        + " theme-viewer:themes gtk-common-themes:sound-themes\n");
    assertThat(install.status()).as(install.err()).isZero();
    assertThat(CliRun.run(home, "connections", "theme-viewer").out()).isEqualTo("""
        Interface        Plug                 Slot                            Notes
        content[themes]  theme-viewer:themes  gtk-common-themes:gtk-3-themes  -
        content[themes]  theme-viewer:themes  gtk-common-themes:icon-themes   -
        content[themes]  theme-viewer:themes  gtk-common-themes:sound-themes  -
        """);
  }

  @Test
  void commitOnlyRule_dryRunAndExplainAllow_theRealConnectIsRefused() throws IOException {
    CliRun.run(home, "install", multicam().toString());
    String window = rule("camera-maintenance-window");

    CliRun dry = connect("multicam:front", "--dry-run", "--rules", window);
    CliRun explain = CliRun.run(home, "explain", "multicam:front", "--rules", window);
    CliRun real = connect("multicam:front", "--rules", window);

    assertThat(dry.status()).as(dry.err()).isZero();
    assertThat(dry.out()).isEqualTo("would connect multicam:front :camera (camera, manual)\n");
    assertThat(explain.out()).contains("manual connect:\n  multicam:front core:camera: allowed"
        + " (connection allowed by slot rule of interface \"camera\")\n");
    assertThat(real.status()).isEqualTo(1);
    assertThat(real.err()).contains("connection denied by custom rule \"site: camera"
        + " connections wait for the maintenance window\": not in the maintenance window");
    assertThat(CliRun.run(home, "connections", "multicam").out()).doesNotContain(":camera ");
  }

  @Test
  void simulateOnlyRule_theReverse_dryRunRefusesAndTheRealConnectSucceeds() throws IOException {
    CliRun.run(home, "install", multicam().toString());
    Path reverse = Files.writeString(home.resolve("reverse.drl"),
        Files.readString(Path.of(rule("camera-maintenance-window")))
            .replace("Mode.COMMIT", "Mode.SIMULATE"));

    CliRun dry = connect("multicam:front", "--dry-run", "--rules", reverse.toString());
    CliRun real = connect("multicam:front", "--rules", reverse.toString());

    assertThat(dry.status()).isEqualTo(1);
    assertThat(dry.err()).contains("not in the maintenance window");
    assertThat(real.status()).as(real.err()).isZero();
    assertThat(CliRun.run(home, "connections", "multicam").out())
        .contains("camera     multicam:front  :camera  manual\n");
  }
}
