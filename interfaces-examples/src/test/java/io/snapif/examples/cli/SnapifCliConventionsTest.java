package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The CLI's conventions: global options before or after the command, shell completion, the
 * build's version, "did you mean" suggestions and errors as JSON.
 */
class SnapifCliConventionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  // ---- global options

  @Test
  void globalOptionsGoBeforeOrAfterTheCommand() {
    Path state = home.resolve("elsewhere.json");
    CliRun connect = CliRun.run(home, "--state", state.toString(), "connect", "vlc:camera");
    assertThat(connect.status()).as(connect.err()).isZero();
    assertThat(state).exists();
    assertThat(CliRun.stateFile(home)).doesNotExist();

    CliRun before = CliRun.run(home, "--state", state.toString(), "--json", "connections", "vlc");
    CliRun after = CliRun.run(home, "connections", "vlc", "--state", state.toString(), "--json");
    CliRun mixed = CliRun.run(home, "--json", "connections", "--state", state.toString(), "vlc");

    assertThat(before.status()).as(before.err()).isZero();
    assertThat(before.out()).isEqualTo(after.out()).isEqualTo(mixed.out());
    JsonNode camera = camera(before.out());
    assertThat(camera.path("slot").asText()).endsWith(":camera");
    assertThat(camera.path("manual").asBoolean()).isTrue();
    // the default state (the demo) never saw the connect
    assertThat(camera(CliRun.run(home, "--json", "connections", "vlc").out())
        .path("slot").isNull()).isTrue();
  }

  /** The system snap of Ubuntu Core has no home slot: a seeded home plug stays unconnected. */
  @Test
  void coreBeforeTheCommandMakesACoreSystem() throws IOException {
    Path snap = Files.createDirectories(home.resolve("mysnap"));
    Files.writeString(snap.resolve("snap.yaml"), "name: mysnap\nversion: '1'\nplugs:\n  home:\n");
    Path core = home.resolve("core.json");
    Path classic = home.resolve("classic.json");
    CliRun seedCore = CliRun.run(home, "--core", "--state", core.toString(), "seed", snap + "");
    CliRun seedClassic = CliRun.run(home, "seed", snap.toString(), "--state", classic.toString());
    assertThat(seedCore.status()).as(seedCore.err()).isZero();
    assertThat(seedClassic.status()).as(seedClassic.err()).isZero();

    assertThat(CliRun.run(home, "connections", "--all", "--state", core.toString()).out())
        .containsPattern("home +mysnap:home +- +-");
    assertThat(CliRun.run(home, "--state", classic.toString(), "connections", "--all").out())
        .containsPattern("home +mysnap:home +:home +-");
  }

  /** A snap directory with {@code snap.yaml} and, when {@code declaration} is not null, it. */
  private Path snapDir(String name, String yaml, String declaration) throws IOException {
    Path dir = Files.createDirectories(home.resolve("snaps").resolve(name));
    Files.writeString(dir.resolve("snap.yaml"), "name: " + name + "\nversion: '1'\n" + yaml);
    if (declaration != null) {
      Files.writeString(dir.resolve("snap-declaration.yaml"), declaration);
    }
    return dir;
  }

  @Test
  void modelNamesTheBrandThatOnBrandConstraintsSee() throws IOException {
    Path cam = snapDir("brandcam", "plugs:\n  camera:\n", "type: snap-declaration\n"
        + "snap-name: brandcam\npublisher-id: acme\nplugs:\n  camera:\n"
        + "    allow-auto-connection:\n      on-brand: [acme]\n");
    Path acme = home.resolve("acme.json");
    Path generic = home.resolve("generic.json");

    CliRun onAcme = CliRun.run(home, "--model", "acme/kiosk/acme-store", "--state",
        acme.toString(), "install", cam.toString());
    CliRun onGeneric = CliRun.run(home, "--state", generic.toString(), "install", cam.toString());

    assertThat(onAcme.status()).as(onAcme.err()).isZero();
    assertThat(onGeneric.status()).as(onGeneric.err()).isZero();
    assertThat(CliRun.run(home, "--state", acme.toString(), "connections", "brandcam").out())
        .containsPattern("camera +brandcam:camera +:camera +-\n");
    assertThat(CliRun.run(home, "--state", generic.toString(), "connections", "brandcam").out())
        .containsPattern("camera +brandcam:camera +- +-\n");
    // the same model again is fine; another one cannot change an existing state
    assertThat(CliRun.run(home, "--state", acme.toString(), "--model", "acme/kiosk/acme-store",
        "connections").status()).isZero();
    CliRun other = CliRun.run(home, "--state", acme.toString(), "--model", "acme/kiosk",
        "connections");
    assertThat(other.status()).isEqualTo(1);
    assertThat(other.err()).isEqualTo("error: cannot use --model acme/kiosk: the state " + acme
        + " exists for model acme/kiosk/acme-store (--model only applies when a state is"
        + " created)\n");
  }

  @Test
  void gadgetIsTheOnlyGadgetThatMayBeInstalled() throws IOException {
    Path pi = snapDir("pi", "type: gadget\n", null);
    Path pc = snapDir("pc", "type: gadget\n", null);
    Path state = home.resolve("pi.json");

    CliRun wrongSeed = CliRun.run(home, "--gadget", "pi", "--json", "--state",
        home.resolve("pc.json").toString(), "seed", pc.toString());
    CliRun seed = CliRun.run(home, "--gadget", "pi", "--state", state.toString(), "seed",
        pi.toString());
    CliRun second = CliRun.run(home, "--state", state.toString(), "install", pc.toString());

    assertThat(wrongSeed.status()).isEqualTo(1);
    assertThat(JSON.readTree(wrongSeed.err()).path("error").path("kind").asText())
        .isEqualTo("install-denied");
    assertThat(seed.status()).as(seed.err()).isZero();
    assertThat(second.status()).isEqualTo(1);
    assertThat(second.err())
        .isEqualTo("error: cannot install gadget \"pc\", model assertion requests \"pi\"\n");
    CliRun otherGadget = CliRun.run(home, "--state", state.toString(), "--gadget", "pc",
        "connections");
    assertThat(otherGadget.status()).isEqualTo(1);
    assertThat(otherGadget.err()).startsWith("error: cannot use --gadget pc: the state ");
  }

  @Test
  void demoTakesTheGadgetTheModelNames() throws IOException {
    CliRun demo = CliRun.run(home, "--gadget", "acme-gadget", "connections", "--all");
    CliRun connect = CliRun.run(home, "--gadget", "acme-gadget", "connect", "vlc:camera");
    CliRun stored = CliRun.run(home, "interface", "camera");

    assertThat(demo.status()).as(demo.err()).isZero();
    // the demo gadget's connection of zoom-client's camera, now made by acme-gadget
    assertThat(demo.out()).contains("zoom-client:camera").contains("gadget");
    assertThat(connect.status()).as(connect.err()).isZero();
    assertThat(stored.status()).as(stored.err()).isZero();
    assertThat(stored.out()).contains("  - vlc\n").contains("  - zoom-client\n");
    CliRun pc = CliRun.run(home, "install", snapDir("pc", "type: gadget\n", null).toString());
    assertThat(pc.err())
        .isEqualTo("error: cannot install gadget \"pc\", model assertion requests \"acme-gadget\"\n");
  }

  @Test
  void demoOnACoreDevice() {
    CliRun core = CliRun.run(home, "--core", "connections", "zoom-client");
    CliRun remembered = CliRun.run(home, "--core", "remembered");

    assertThat(core.status()).as(core.err()).isZero();
    // home does not auto-connect on a core device, so the demo has no home to take away
    assertThat(core.out()).containsPattern("home +zoom-client:home +- +-");
    assertThat(remembered.status()).as(remembered.err()).isZero();
    assertThat(remembered.out()).doesNotContain("home");
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  @Test
  void malformedModelIsRefusedAndCreatesNothing() {
    for (String model : List.of("acme", "acme/", "a/b/c/d", "/kiosk")) {
      CliRun r = CliRun.run(home, "--model", model, "connect", "vlc:camera");
      assertThat(r.status()).as(model).isEqualTo(1);
      assertThat(r.err()).isEqualTo("error: invalid --model \"" + model
          + "\": want BRAND/MODEL or BRAND/MODEL/STORE\n");
      assertThat(CliRun.stateFile(home)).doesNotExist();
    }
  }

  @Test
  void jsonBeforeAChangingCommand() {
    CliRun r = CliRun.run(home, "--json", "connect", "--dry-run", "vlc:camera");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{").contains("vlc:camera");
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  // ---- completion and version

  @Test
  void completionScriptCompletesEveryCommandAndTheGlobalOptions() {
    CliRun r = CliRun.run(home, "completion");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F")
        .contains("ZSH_VERSION");
    for (String command : List.of("scenario", "validate", "connections", "interface", "connect",
        "disconnect", "install", "refresh", "remove", "seed", "explain", "remembered",
        "import-snapd-state", "completion")) {
      assertThat(r.out()).as(command).containsPattern("commands=.*\\b" + command + "\\b");
    }
    assertThat(r.out()).contains("--state", "--json", "--dry-run", "--forget");
  }

  @Test
  void versionIsTheBuildsWithTheSnapdItFollows() throws Exception {
    String expected = "snapif " + projectVersion() + "\n"
        + "snapd  2.57.6 (the behaviour snapif follows)\n";

    CliRun root = CliRun.run(home, "--version");
    CliRun sub = CliRun.run(home, "connections", "--version");

    assertThat(root.status()).isZero();
    assertThat(root.out()).isEqualTo(expected);
    assertThat(sub.out()).isEqualTo(expected);
  }

  // ---- did you mean

  @Test
  void unknownCommandSuggestsTheClosest() {
    CliRun r = CliRun.run(home, "conections", "vlc");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: unknown command \"conections\"\n"
        + "did you mean \"connections\"?\n"
        + "Run 'snapif --help' for usage.\n");
  }

  @Test
  void unknownCommandFarFromAnyHasNoSuggestion() {
    CliRun r = CliRun.run(home, "frobnicate");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(
        "error: unknown command \"frobnicate\"\nRun 'snapif --help' for usage.\n");
  }

  @Test
  void unknownScenarioSubcommandSuggestsRun() {
    CliRun r = CliRun.run(home, "scenario", "rnu", "x.json");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: unknown command \"rnu\"\ndid you mean \"run\"?\n");
  }

  @Test
  void unknownOptionSuggestsTheClosest() {
    CliRun r = CliRun.run(home, "connections", "--jsn");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: Unknown option: '--jsn'\n"
        + "did you mean \"--json\"?\n"
        + "Run 'snapif connections --help' for usage.\n");
  }

  @Test
  void unknownSnapKeepsTheErrorAndSuggestsAnInstalledSnap() {
    CliRun r = CliRun.run(home, "connections", "vcl");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(
        "error: snap \"vcl\" is not installed\ndid you mean \"vlc\"?\n");
  }

  @Test
  void unknownSnapInChangingCommandsSuggestsAndChangesNothing() throws IOException {
    assertThat(CliRun.run(home, "connect", "vlc:camera").status()).isZero();
    byte[] before = Files.readAllBytes(CliRun.stateFile(home));

    for (List<String> args : List.of(List.of("connect", "vcl:camera"),
        List.of("connect", "vlc:camera", "chromuim:camera"),
        List.of("disconnect", "vcl:camera"),
        List.of("remove", "vcl"),
        List.of("explain", "vcl:camera"))) {
      CliRun r = CliRun.run(home, args.toArray(String[]::new));
      assertThat(r.status()).as(args.toString()).isEqualTo(1);
      List<String> lines = r.err().lines().toList();
      assertThat(lines).as(args.toString()).hasSize(2);
      assertThat(lines.get(0)).as(args.toString()).startsWith("error: snap \"");
      assertThat(lines.get(1)).as(args.toString())
          .isIn("did you mean \"vlc\"?", "did you mean \"chromium\"?");
    }
    assertThat(Files.readAllBytes(CliRun.stateFile(home))).isEqualTo(before);
  }

  @Test
  void unknownInterfaceSuggestsTheClosest() {
    CliRun r = CliRun.run(home, "interface", "camra");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: no such interface\ndid you mean \"camera\"?\n");
  }

  // ---- errors as JSON

  @Test
  void jsonErrorsCarryTheScenarioFormatsKind() throws IOException {
    for (List<String> args : List.of(List.of("--json", "connections", "vcl"),
        List.of("connections", "vcl", "--json"))) {
      CliRun r = CliRun.run(home, args.toArray(String[]::new));

      assertThat(r.status()).as(args.toString()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      JsonNode error = JSON.readTree(r.err()).path("error");
      assertThat(error.path("kind").asText()).isEqualTo("not-installed");
      assertThat(error.path("message").asText()).isEqualTo("snap \"vcl\" is not installed");
      assertThat(error.path("suggestions")).containsExactly(JSON.getNodeFactory().textNode("vlc"));
    }
  }

  @Test
  void jsonErrorOfARefusedConnect() throws IOException {
    CliRun text = CliRun.run(home, "connect", "vlc:camera", ":home");
    CliRun json = CliRun.run(home, "connect", "vlc:camera", ":home", "--json");

    assertThat(json.status()).isEqualTo(text.status()).isEqualTo(1);
    JsonNode error = JSON.readTree(json.err()).path("error");
    assertThat(error.path("kind").asText()).isEqualTo("mismatch");
    assertThat("error: " + error.path("message").asText() + "\n").isEqualTo(text.err());
    assertThat(error.has("suggestions")).isFalse();
  }

  @Test
  void jsonUsageErrorsKeepExitStatusTwo() throws IOException {
    CliRun r = CliRun.run(home, "--json", "conections");

    assertThat(r.status()).isEqualTo(2);
    JsonNode error = JSON.readTree(r.err()).path("error");
    assertThat(error.path("kind").asText()).isEqualTo("usage");
    assertThat(error.path("message").asText()).isEqualTo("unknown command \"conections\"");
    assertThat(error.path("suggestions").get(0).asText()).isEqualTo("connections");

    CliRun badRef = CliRun.run(home, "connect", "vlc", "--json");
    assertThat(badRef.status()).isEqualTo(2);
    assertThat(JSON.readTree(badRef.err()).path("error").path("message").asText())
        .contains("invalid value: \"vlc\"");
  }

  @Test
  void jsonErrorOfAnInvalidSnapYaml() throws IOException {
    Path dir = Files.createDirectories(home.resolve("bad"));
    Files.writeString(dir.resolve("snap.yaml"), "name: [oops\n");

    CliRun r = CliRun.run(home, "--json", "install", dir.toString());

    assertThat(r.status()).isEqualTo(1);
    JsonNode error = JSON.readTree(r.err()).path("error");
    assertThat(error.path("kind").asText()).isEqualTo("invalid-snap");
    assertThat(error.path("message").asText()).startsWith(dir.resolve("snap.yaml").toString());
  }

  // ---- helpers

  /** The {@code vlc:camera} entry of {@code connections vlc --json}. */
  private static JsonNode camera(String json) {
    try {
      for (JsonNode c : JSON.readTree(json).path("connections")) {
        if (c.path("plug").asText().equals("vlc:camera")) {
          return c;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(json, e);
    }
    throw new AssertionError("no vlc:camera in " + json);
  }

  /** The project's version as this module's pom inherits it from the parent. */
  private static String projectVersion() throws Exception {
    Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile()).getDocumentElement();
    Element parent = (Element) pom.getElementsByTagName("parent").item(0);
    return parent.getElementsByTagName("version").item(0).getTextContent().trim();
  }
}
