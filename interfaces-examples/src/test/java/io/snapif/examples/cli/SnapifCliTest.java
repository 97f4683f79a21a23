package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.examples.scenario.Managers;
import io.snapif.examples.scenario.ScenarioJson;
import io.snapif.examples.scenario.ScenarioReader;
import io.snapif.examples.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against the demo system, their errors and exit statuses. */
class SnapifCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  // ---- the documentation's two outputs

  /**
   * The rows of the documentation's {@code snap connections vlc}, with the column widths snap's
   * tabwriter gives these rows (the documentation's own widths came from longer rows it left
   * out).
   */
  @Test
  void connectionsVlc_printsTheDocumentationsTable() throws IOException {
    CliRun r = CliRun.run(home, "connections", "vlc");

    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(""
        + "Interface       Plug                Slot             Notes\n"
        + "audio-playback  vlc:audio-playback  :audio-playback  -\n"
        + "audio-record    vlc:audio-record    -                -\n"
        + "camera          vlc:camera          -                -\n"
        + "desktop         vlc:desktop         :desktop         -\n"
        + "home            vlc:home            :home            -\n");
    assertThat(cells(r.out())).isEqualTo(cells(documentationBlock("$ snap connections vlc")));
  }

  @Test
  void interfaceAudioPlayback_listsThePlugsAndTheSystemSlot() throws IOException {
    CliRun r = CliRun.run(home, "interface", "audio-playback");

    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo(""
        + "name:    audio-playback\n"
        + "summary: allows audio playback via supporting services\n"
        + "plugs:\n"
        + "  - chromium\n"
        + "  - vlc\n"
        + "  - zoom-client\n"
        + "slots:\n"
        + "  - core\n");
    // the documentation shows the same lines without snap's "plugs:" and "slots:" headings
    assertThat(r.out().lines().filter(l -> !l.endsWith("s:")).toList())
        .containsExactlyElementsOf(documentationBlock("$  snap interface audio-playback")
            .lines().toList());
  }

  // ---- reading commands

  @Test
  void readingCommandsWriteNoStateFile() {
    CliRun.run(home, "connections");
    CliRun.run(home, "interface");
    CliRun.run(home, "remembered");

    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  @Test
  void connectionsOfAllSnaps_showsOnlyConnectionsInEffect() {
    CliRun r = CliRun.run(home, "connections");

    assertThat(r.status()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("Interface").contains("Plug", "Slot", "Notes");
    assertThat(lines).anyMatch(l -> l.matches(
        "content\\[gnome-42-2204\\] +chromium:gnome-42-2204 +gnome-42-2204:gnome-42-2204 +-"));
    assertThat(lines).anyMatch(l -> l.matches("camera +chromium:camera +:camera +manual"));
    assertThat(lines).anyMatch(l -> l.matches("camera +zoom-client:camera +:camera +gadget"));
    assertThat(lines).noneMatch(l -> l.contains(" - "));  // no unconnected ends without --all
    assertThat(lines).noneMatch(l -> l.contains("zoom-client:home"));  // disconnected by user
  }

  @Test
  void connectionsAll_addsUnconnectedPlugsButNotSystemSlots() {
    CliRun r = CliRun.run(home, "connections", "--all");

    assertThat(r.out().lines()).anyMatch(l -> l.matches("audio-record +vlc:audio-record +- +-"));
    assertThat(r.out().lines()).anyMatch(l -> l.matches("home +zoom-client:home +- +-"));
    assertThat(r.out().lines()).noneMatch(l -> l.matches("\\S+ +- +:\\S+ +-"));
  }

  @Test
  void connectionsJson_parsesBackToTheRows() throws IOException {
    JsonNode rows = JSON.readTree(CliRun.run(home, "connections", "vlc", "--json").out())
        .get("connections");

    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).get("interface").asText()).isEqualTo("audio-playback");
    assertThat(rows.get(0).get("plug").asText()).isEqualTo("vlc:audio-playback");
    assertThat(rows.get(0).get("slot").asText()).isEqualTo("core:audio-playback");
    assertThat(rows.get(1).get("slot").isNull()).isTrue();
    assertThat(rows.get(0).get("manual").asBoolean()).isFalse();
  }

  @Test
  void interfaceWithoutName_listsInterfacesInUse() {
    CliRun r = CliRun.run(home, "interface");

    assertThat(r.status()).isZero();
    assertThat(r.out().lines().findFirst()).hasValueSatisfying(
        l -> assertThat(l).matches("Name +Summary"));
    assertThat(r.out()).containsPattern("\naudio-playback +allows audio playback via supporting "
        + "services\n").containsPattern("\ncontent +").doesNotContain("\naudio-record ");
    assertThat(CliRun.run(home, "interface", "--all").out().lines().count())
        .isEqualTo(1 + io.snapif.catalog.InterfaceCatalog.builtin().all().size());
  }

  @Test
  void interfaceAttrs_showsScalarAttributes() throws IOException {
    CliRun r = CliRun.run(home, "interface", "mpris", "--attrs");

    assertThat(r.out()).isEqualTo(""
        + "name:    mpris\n"
        + "summary: allows operating as an MPRIS player\n"
        + "slots:\n"
        + "  - chromium:\n"
        + "      name: chromium\n");
    JsonNode json = JSON.readTree(CliRun.run(home, "interface", "mpris", "--json").out());
    assertThat(json.get("slots").get(0).get("attrs").get("name").asText()).isEqualTo("chromium");
  }

  @Test
  void rememberedListsTheUndesiredConnection() throws IOException {
    CliRun r = CliRun.run(home, "remembered");

    assertThat(r.out()).isEqualTo(""
        + "Interface  Plug              Slot   Notes\n"
        + "home       zoom-client:home  :home  undesired\n");
    JsonNode json = JSON.readTree(CliRun.run(home, "remembered", "--json").out());
    assertThat(json.get("remembered").get(0).get("id").asText())
        .isEqualTo("zoom-client:home core:home");
  }

  // ---- changing commands

  @Test
  void connectThenDisconnect_changeTheStateFile() {
    CliRun connect = CliRun.run(home, "connect", "vlc:camera");

    assertThat(connect.status()).isZero();
    assertThat(connect.out()).isEmpty();
    assertThat(CliRun.stateFile(home)).exists();
    assertThat(CliRun.run(home, "connections", "vlc").out())
        .containsPattern("camera +vlc:camera +:camera +manual\n");

    CliRun disconnect = CliRun.run(home, "disconnect", "vlc:home", ":home");
    assertThat(disconnect.status()).isZero();
    assertThat(CliRun.run(home, "connections", "vlc").out())
        .containsPattern("home +vlc:home +- +-\n");
    assertThat(CliRun.run(home, "remembered").out()).containsPattern("vlc:home +:home +undesired");
  }

  @Test
  void disconnectWithNothingConnected_saysSo() {
    CliRun r = CliRun.run(home, "disconnect", "vlc:camera");

    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("No connections to disconnect\n");
  }

  @Test
  void dryRun_changesNothingOnDisk() throws IOException {
    CliRun first = CliRun.run(home, "connect", "vlc:camera", "--dry-run");
    assertThat(first.status()).isZero();
    assertThat(first.out()).isEqualTo("would connect vlc:camera :camera (camera, manual)\n");
    assertThat(CliRun.stateFile(home)).doesNotExist();

    CliRun.run(home, "disconnect", "vlc:desktop");
    byte[] before = Files.readAllBytes(CliRun.stateFile(home));
    CliRun.run(home, "connect", "vlc:camera", "--dry-run");
    CliRun.run(home, "disconnect", "vlc:home", "--dry-run", "--forget");
    CliRun.run(home, "remove", "vlc", "--dry-run");
    assertThat(Files.readAllBytes(CliRun.stateFile(home))).isEqualTo(before);
  }

  @Test
  void dryRunJson_reportsTheChangeUncommitted() throws IOException {
    JsonNode report = JSON.readTree(
        CliRun.run(home, "disconnect", "vlc:home", "--dry-run", "--json").out());

    assertThat(report.get("committed").asBoolean()).isFalse();
    assertThat(report.get("changed").get("vlc:home core:home").get("undesired").asBoolean())
        .isTrue();
  }

  @Test
  void installRefreshRemove_aSnapFromItsDirectory() throws IOException {
    Path dir = Files.createDirectories(home.resolve("hello/meta"));
    Files.writeString(dir.resolve("snap.yaml"), """
        name: hello-world
        version: 6.4
        summary: The 'hello-world' of snaps
        apps:
          hello-world:
            command: bin/echo
            plugs: [home, network, camera]
        """);

    CliRun install = CliRun.run(home, "install", home.resolve("hello").toString());
    assertThat(install.status()).as(install.err()).isZero();
    assertThat(install.out()).isEqualTo("hello-world 6.4 installed\n");
    assertThat(CliRun.run(home, "connections", "hello-world").out()).isEqualTo(""
        + "Interface  Plug                 Slot      Notes\n"
        + "camera     hello-world:camera   -         -\n"
        + "home       hello-world:home     :home     -\n"
        + "network    hello-world:network  :network  -\n");

    Files.writeString(dir.resolve("snap.yaml"), """
        name: hello-world
        version: 6.5
        apps:
          hello-world:
            command: bin/echo
            plugs: [home]
        """);
    CliRun refresh = CliRun.run(home, "refresh", home.resolve("hello").toString());
    assertThat(refresh.out()).isEqualTo("hello-world 6.5 refreshed\n");
    assertThat(CliRun.run(home, "connections", "hello-world").out()).isEqualTo(""
        + "Interface  Plug              Slot   Notes\n"
        + "home       hello-world:home  :home  -\n");

    CliRun remove = CliRun.run(home, "remove", "hello-world");
    assertThat(remove.out()).isEqualTo("hello-world removed\n");
    assertThat(CliRun.run(home, "connections", "hello-world").status()).isEqualTo(1);
  }

  @Test
  void seed_makesANewSystemWithTheGadgetsConnections() throws IOException {
    Path gadget = Files.createDirectories(home.resolve("seed/pc/meta"));
    Files.writeString(gadget.resolve("snap.yaml"),
        "name: pc\nversion: '22'\ntype: gadget\nbase: core22\n");
    Files.writeString(gadget.resolve("gadget.yaml"),
        "connections:\n  - plug: kiosk-id:camera\n");
    Path app = Files.createDirectories(home.resolve("seed/kiosk"));
    Files.writeString(app.resolve("snap.yaml"),
        "name: kiosk\nversion: '1.0'\napps:\n  kiosk:\n    command: k\n"
            + "    plugs: [camera, audio-record]\n");
    Path state = home.resolve("seeded.json");

    CliRun seed = CliRun.run(home, "seed", "--state", state.toString(),
        home.resolve("seed/pc").toString(), app.toString());

    assertThat(seed.status()).as(seed.err()).isZero();
    assertThat(seed.out()).isEqualTo("pc 22 seeded\nkiosk 1.0 seeded\n");
    assertThat(CliRun.run(home, "connections", "--state", state.toString(), "kiosk").out())
        .isEqualTo(""
            + "Interface     Plug                Slot     Notes\n"
            + "audio-record  kiosk:audio-record  -        -\n"
            + "camera        kiosk:camera        :camera  gadget\n");
    CliRun again = CliRun.run(home, "seed", "--state", state.toString(), app.toString());
    assertThat(again.status()).isEqualTo(1);
  }

  @Test
  void explain_showsTheDecisionsForEachCandidate() throws IOException {
    CliRun r = CliRun.run(home, "explain", "vlc:camera");

    assertThat(r.status()).as(r.err()).isZero();
    // the rule set first (here the built-in rules alone), then the plug
    assertThat(r.out()).startsWith("rule set: builtin\nvlc:camera: plug of interface camera\n")
        .contains("manual connect:\n  vlc:camera core:camera: allowed")
        .contains("auto-connect: none")
        .contains("vlc:camera core:camera: denied (auto-connection denied by slot rule of "
            + "interface \"camera\")");
    JsonNode json = JSON.readTree(CliRun.run(home, "explain", "vlc:camera", "--json").out());
    assertThat(json.get("interface").asText()).isEqualTo("camera");
    assertThat(json.get("connect").get(0).get("allowed").asBoolean()).isTrue();
    assertThat(json.get("auto-connect").get("outcome").asText()).isEqualTo("none");
    assertThat(json.get("rule-set").get("id").asText()).isEqualTo("builtin");
  }

  @Test
  void installAndRefresh_printAmbiguityWarningsOnStderr() throws IOException {
    for (String provider : List.of("themes-a", "themes-b")) {
      Path dir = snapDir(provider, "slots:\n  sounds:\n    interface: content\n"
          + "    content: sounds\n    read: [$SNAP/sounds]\n");
      CliRun r = CliRun.run(home, "install", dir.toString());
      assertThat(r.status()).as(r.err()).isZero();
    }
    Path player = snapDir("player", "plugs:\n  sounds:\n    interface: content\n"
        + "    content: sounds\n    target: $SNAP/sounds\n");
    String warning = "warning: cannot auto-connect plug player:sounds, candidates found:"
        + " player:sounds themes-a:sounds, player:sounds themes-b:sounds\n";

    CliRun install = CliRun.run(home, "install", player.toString());
    CliRun refresh = CliRun.run(home, "refresh", player.toString());

    assertThat(install.status()).as(install.err()).isZero();
    assertThat(install.out()).isEqualTo("player 1 installed\n");
    assertThat(install.err()).isEqualTo(warning);
    assertThat(refresh.status()).as(refresh.err()).isZero();
    assertThat(refresh.out()).isEqualTo("player 1 refreshed\n");
    assertThat(refresh.err()).isEqualTo(warning);
    assertThat(CliRun.run(home, "connections", "player").out())
        .containsPattern("content +player:sounds +- +-\n");
  }

  /** A snap directory of a store snap published by acme, with {@code endpoints} (YAML). */
  private Path snapDir(String name, String endpoints) throws IOException {
    Path dir = Files.createDirectories(home.resolve(name));
    Files.writeString(dir.resolve("snap.yaml"), "name: " + name + "\nversion: '1'\n" + endpoints);
    Files.writeString(dir.resolve("snap-declaration.yaml"),
        "type: snap-declaration\nsnap-name: " + name + "\npublisher-id: acme\n");
    return dir;
  }

  @Test
  void importSnapdState_takesOverItsConnections() throws IOException {
    Path snapd = home.resolve("snapd-state.json");
    Files.writeString(snapd, """
        {"data": {"conns": {
          "vlc:camera core:camera": {"interface": "camera", "auto": false},
          "vlc:home core:home": {"interface": "home", "auto": true, "undesired": true},
          "gone:x core:x": {"interface": "x"}}}}
        """);

    CliRun r = CliRun.run(home, "import-snapd-state", snapd.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("imported 2 entries from " + snapd + "\n");
    assertThat(r.err()).startsWith("warning: ").contains("gone");
    assertThat(CliRun.run(home, "connections", "vlc").out())
        .containsPattern("camera +vlc:camera +:camera +manual\n")
        .containsPattern("home +vlc:home +- +-\n");
  }

  @Test
  void validate_reportsWhatASnapDeclares() throws IOException {
    Path vlc = Files.createDirectories(home.resolve("snaps/vlc"));
    Files.writeString(vlc.resolve("snap.yaml"), """
        name: vlc
        version: 3.0.20
        apps:
          vlc:
            command: bin/vlc
            plugs: [camera, pcscd]
            slots: [mpris]
        plugs:
          gpio-x:
            interface: gpio
            number: 5
        """);
    Path bad = Files.createDirectories(home.resolve("bad"));
    Files.writeString(bad.resolve("snap.yaml"), "name: [\n");

    CliRun r = CliRun.run(home, "validate", vlc.resolve("snap.yaml").toString(),
        bad.resolve("snap.yaml").toString(), "--json");

    assertThat(r.status()).isEqualTo(1);
    JsonNode files = JSON.readTree(r.out()).get("files");
    assertThat(files.get(0)).isEqualTo(JSON.readTree("""
        {"path": "%s", "kind": "snap", "ok": true, "name": "vlc", "type": "app",
         "plugs": {"camera": {"interface": "camera", "attrs": {}},
                   "gpio-x": {"interface": "gpio", "attrs": {"number": 5}}},
         "slots": {"mpris": {"interface": "mpris", "attrs": {}}},
         "dropped": {"pcscd": "unknown interface \\"pcscd\\""}}
        """.formatted(vlc.resolve("snap.yaml"))));
    assertThat(files.get(1).get("ok").asBoolean()).isFalse();
    assertThat(files.get(1).get("errors").get(0).asText()).startsWith(
        bad.resolve("snap.yaml") + ":");
    assertThat(CliRun.run(home, "validate", vlc.toString()).status()).isZero();
  }

  @Test
  void scenarioRun_printsEachStepAndTheJsonOfTheFormat() throws IOException {
    Path scenario = home.resolve("s.yaml");
    Files.writeString(scenario, """
        snaps:
          vlc:
            yaml: |
              name: vlc
              version: 1.0
              apps:
                vlc:
                  command: vlc
                  plugs: [home, camera]
        ops:
          - {op: install, snap: vlc}
          - {op: connect, plug: "vlc:nosuch"}
          - {op: restart}
        """);

    CliRun text = CliRun.run(home, "scenario", "run", scenario.toString());
    assertThat(text.status()).isZero();
    assertThat(text.err()).isEmpty();  // no progress when not on a terminal
    assertThat(text.out()).startsWith("ok install vlc\n  vlc:home core:home  home  auto\n")
        .contains("FAILED connect vlc:nosuch: not-found: ")
        .endsWith("ok restart\n  vlc:home core:home  home  auto\n");

    String jsonText = CliRun.run(home, "scenario", "run", scenario.toString(), "--json").out();
    // the library's document, written by the CLI straight as bytes, with a newline
    assertThat(jsonText).isEqualTo(ScenarioJson.write(new ScenarioRunner(
        Managers.fileBacked(List.of())).run(ScenarioReader.read(scenario))) + "\n");
    JsonNode json = JSON.readTree(jsonText);
    assertThat(json.get("name").asText()).isEqualTo("s");
    assertThat(json.get("steps")).hasSize(3);
    assertThat(json.get("steps").get(0).get("connections")).isEqualTo(JSON.readTree(
        "{\"vlc:home core:home\": {\"interface\": \"home\", \"auto\": true}}"));
    assertThat(json.get("steps").get(1).get("error").get("kind").asText())
        .isEqualTo("not-found");
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  @Test
  void scenarioRun_timingGoesToStderrAndLeavesTheJsonAsItIs() throws IOException {
    Path scenario = home.resolve("t.yaml");
    Files.writeString(scenario, """
        snaps:
          vlc:
            yaml: |
              name: vlc
              version: 1.0
              apps:
                vlc:
                  command: vlc
                  plugs: [home, camera]
        ops:
          - {op: install, snap: vlc}
          - {op: connect, plug: "vlc:camera"}
          - {op: disconnect, plug: "vlc:camera"}
          - {op: install, snap: vlc}
        """);

    CliRun plain = CliRun.run(home, "scenario", "run", scenario.toString(), "--json");
    CliRun timed = CliRun.run(home, "scenario", "run", scenario.toString(), "--json", "--timing");

    assertThat(timed.status()).isZero();
    assertThat(timed.out()).isEqualTo(plain.out());
    assertThat(plain.err()).isEmpty();
    List<String> lines = timed.err().lines().toList();
    assertThat(lines.get(0)).matches("timing: start-up \\d+\\.\\d{3} s \\(JVM start to ready "
        + "engine\\), run \\d+\\.\\d{3} s, total \\d+\\.\\d{3} s");
    // one line per kind of op, in name order, with its count
    assertThat(lines.subList(1, lines.size())).satisfiesExactly(
        l -> assertThat(l).matches("timing: connect +1 ops, median [0-9.]+ ms, p99 [0-9.]+ ms, "
            + "max [0-9.]+ ms"),
        l -> assertThat(l).startsWith("timing: disconnect ").contains(" 1 ops,"),
        l -> assertThat(l).startsWith("timing: install ").contains(" 2 ops,"));
  }

  @Test
  void scenarioRun_badFileFails() throws IOException {
    Path scenario = home.resolve("s.json");
    Files.writeString(scenario, "{\"ops\": [], \"snapz\": {}}");

    CliRun r = CliRun.run(home, "scenario", "run", scenario.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + scenario + ": snapz: unknown key\n");
  }

  // ---- errors

  @Test
  void unknownSnap() {
    CliRun r = CliRun.run(home, "connections", "nosuch");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: snap \"nosuch\" is not installed\n");
  }

  @Test
  void allWithSnapName() {
    CliRun r = CliRun.run(home, "connections", "vlc", "--all");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: cannot use --all with snap name\n");
  }

  @Test
  void unknownInterface() {
    CliRun r = CliRun.run(home, "interface", "nosuch");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: no such interface\n");
  }

  @Test
  void unknownPlug() {
    CliRun r = CliRun.run(home, "connect", "vlc:nosuch");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("nosuch");
    assertThat(CliRun.stateFile(home)).doesNotExist(); // refused: not even the demo is written
    assertThat(CliRun.run(home, "connections", "vlc").out()).doesNotContain("nosuch");
  }

  @Test
  void mismatchedConnect() {
    CliRun r = CliRun.run(home, "connect", "vlc:camera", ":home");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("camera", "home");
    assertThat(CliRun.run(home, "connections", "vlc").out())
        .containsPattern("camera +vlc:camera +- +-");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.run(home).status()).isEqualTo(2);
    assertThat(CliRun.run(home, "frobnicate").status()).isEqualTo(2);
    assertThat(CliRun.run(home, "connections", "a", "b").status()).isEqualTo(2);
    CliRun badRef = CliRun.run(home, "connect", "vlc");
    assertThat(badRef.status()).isEqualTo(2);
    assertThat(badRef.err()).contains("invalid value: \"vlc\" (want snap:name or :name)");
  }

  @Test
  void badSnapYaml() throws IOException {
    Path dir = Files.createDirectories(home.resolve("bad"));
    Files.writeString(dir.resolve("snap.yaml"), "name: [oops\n");

    CliRun r = CliRun.run(home, "install", dir.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + dir.resolve("snap.yaml"));
  }

  @Test
  void corruptStateFile() throws IOException {
    Files.createDirectories(CliRun.stateFile(home).getParent());
    Files.writeString(CliRun.stateFile(home), "{ this is not a state");

    CliRun r = CliRun.run(home, "connections");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains(CliRun.stateFile(home).toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("scenario", "validate", "connections", "interface", "connect",
        "disconnect", "install", "refresh", "remove", "seed", "explain", "remembered",
        "import-snapd-state")) {
      CliRun r = CliRun.run(home, command, "--help");
      assertThat(r.status()).as(command).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: snapif " + command);
    }
    CliRun run = CliRun.run(home, "scenario", "run", "--help");
    assertThat(run.out()).startsWith("Usage: snapif scenario run");
  }

  // ---- helpers

  /** The lines under {@code prompt} in the documentation, up to the next blank line. */
  private static String documentationBlock(String prompt) throws IOException {
    List<String> doc = Files.readAllLines(Path.of("src/test/resources/interface-management.txt"));
    int start = doc.indexOf(prompt) + 1;
    assertThat(start).as("documentation has " + prompt).isPositive();
    StringBuilder out = new StringBuilder();
    for (int i = start; i < doc.size() && !doc.get(i).isBlank(); i++) {
      out.append(doc.get(i)).append('\n');
    }
    return out.toString();
  }

  private static List<List<String>> cells(String table) {
    return table.lines().map(l -> Arrays.asList(l.trim().split(" {2,}"))).toList();
  }
}
