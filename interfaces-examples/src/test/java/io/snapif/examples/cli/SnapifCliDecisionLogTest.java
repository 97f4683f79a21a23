package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --decision-log FILE}: the JSON lines the commands append, and a log that cannot be. */
class SnapifCliDecisionLogTest {
  /** A site rule: disconnected network connections are deleted, not remembered. */
  static final String FORGET_NETWORK = """
      package site.rules;

      import io.snapif.policy.fact.EntryFate;
      import io.snapif.policy.fact.TouchedEntry;
      import io.snapif.spi.EntryEvent.Kind;
      import io.snapif.spi.EntryPlan.Fate;

      rule "site: disconnects of network are not remembered"
      when
        $e : TouchedEntry(event == Kind.DISCONNECT, iface == "network")
      then
        insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE,
            "network comes back on the next refresh"));
      end
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULES = "src/main/resources/io/snapif/examples/rules/";

  @TempDir Path home;

  private Path log() {
    return home.resolve("decisions.jsonl");
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--decision-log", log().toString()));
    return CliRun.run(home, all.toArray(String[]::new));
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(log())) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private Path webcamTool() throws IOException {
    Path dir = Files.createDirectories(home.resolve("webcam-tool"));
    Files.writeString(dir.resolve("snap.yaml"),
        "name: webcam-tool\nversion: '1'\napps:\n  w:\n    command: w\n    plugs: [camera, home]\n");
    return dir;
  }

  @Test
  void committedDryRunAndExplain_eachLogTheirDecisions_appendedToOneFile() throws IOException {
    CliRun connect = run("connect", "vlc:camera");
    assertThat(connect.status()).as(connect.err()).isZero();
    // the demo system the state starts from is not this command's doing: one line
    List<JsonNode> afterConnect = lines();
    assertThat(afterConnect).hasSize(1);
    JsonNode committed = afterConnect.get(0);
    assertThat(committed.get("operation").asText()).isEqualTo("connect vlc:camera");
    assertThat(committed.get("mode").asText()).isEqualTo("committed");
    assertThat(committed.get("kind").asText()).isEqualTo("connection");
    assertThat(committed.get("subject").asText()).isEqualTo("vlc:camera core:camera");
    assertThat(committed.get("outcome").asText()).isEqualTo("allowed");
    assertThat(committed.get("verdict").get("rule").asText())
        .isEqualTo("declarations: the deciding rule allows");
    assertThat(committed.get("verdict").get("layer").asText()).isEqualTo("base-slot-rule");
    assertThat(committed.get("verdict").get("message").asText())
        .isEqualTo("connection allowed by slot rule of interface \"camera\"");
    assertThat(committed.get("details").get(0).get("detail").asText())
        .startsWith("deny-connection of the base declaration does not match");
    assertThat(committed.get("overridden")).isEmpty();
    assertThat(committed.get("ruleSet").asText()).isEqualTo("builtin");
    long generation = committed.get("generation").asLong();

    run("connect", "vlc:audio-record", "--dry-run");
    run("explain", "vlc:camera");

    List<JsonNode> all = lines();
    assertThat(all.get(0)).isEqualTo(committed); // appended, the earlier line untouched
    JsonNode simulated = all.get(1);
    assertThat(simulated.get("mode").asText()).isEqualTo("simulated");
    assertThat(simulated.get("subject").asText()).isEqualTo("vlc:audio-record core:audio-record");
    assertThat(simulated.get("generation").asLong()).isEqualTo(generation + 1);
    List<JsonNode> explained = all.subList(2, all.size());
    assertThat(explained).extracting(l -> l.get("kind").asText() + " " + l.get("outcome").asText())
        .containsExactly("auto-connection denied", "connection allowed");
    assertThat(explained).allSatisfy(l -> {
      assertThat(l.get("mode").asText()).isEqualTo("explain");
      assertThat(l.get("operation").asText()).isEqualTo("explain vlc:camera");
      assertThat(l.get("generation").asLong()).isEqualTo(generation);
      assertThat(l.has("effect")).isFalse();
    });
    // every line its own id; the time is ISO-8601 UTC
    assertThat(new HashSet<>(all.stream().map(l -> l.get("id").asText()).toList()))
        .hasSize(all.size());
    assertThat(all).allSatisfy(l -> {
      assertThat(l.get("time").asText()).endsWith("Z");
      Instant.parse(l.get("time").asText());
    });
  }

  @Test
  void install_logsTheInstallationAndTheAutoConnectionsThatDecidedSomething() throws IOException {
    CliRun install = run("install", webcamTool().toString());

    assertThat(install.status()).as(install.err()).isZero();
    assertThat(lines()).extracting(l -> l.get("kind").asText() + " " + l.get("subject").asText()
            + " " + l.get("outcome").asText() + " " + l.path("effect").asText("-"))
        .containsExactly(
            "installation webcam-tool allowed -",
            "auto-connection webcam-tool:camera core:camera denied not-connected",
            "auto-connection webcam-tool:home core:home allowed connected");
  }

  @Test
  void refusedByACustomRule_logsTheDenialWithTheRulesDetailAndWhatItOverrode()
      throws IOException {
    CliRun.run(home, "install", webcamTool().toString());

    CliRun refused = run("connect", "webcam-tool:camera", "--rules",
        RULES + "no-camera-without-store.drl");

    assertThat(refused.status()).isEqualTo(1);
    List<JsonNode> all = lines();
    assertThat(all).hasSize(1);
    JsonNode denied = all.get(0);
    assertThat(denied.get("mode").asText()).isEqualTo("refused");
    assertThat(denied.get("outcome").asText()).isEqualTo("denied");
    assertThat(denied.get("verdict").get("rule").asText())
        .isEqualTo("site: camera only for canonical, videolan and zoomvideo");
    assertThat(denied.get("verdict").get("layer").asText()).isEqualTo("custom-rule");
    assertThat(denied.get("details").get(0).get("detail").asText())
        .isEqualTo("publisher dev-webcam-tool is not trusted with the camera");
    assertThat(denied.get("overridden")).hasSize(1);
    assertThat(denied.get("overridden").get(0).get("rule").asText())
        .isEqualTo("declarations: the deciding rule allows");
    assertThat(denied.get("overridden").get(0).get("detail").asText())
        .startsWith("connection allowed by slot rule of interface \"camera\": ");
    assertThat(denied.get("ruleSet").asText()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void aLogThatCannotBeOpened_failsTheCommandBeforeAnythingChanges() throws IOException {
    Path bad = home.resolve("no-such-dir").resolve("decisions.jsonl");

    CliRun fresh = CliRun.run(home, "connect", "vlc:camera", "--decision-log", bad.toString());

    assertThat(fresh.status()).isEqualTo(1);
    assertThat(fresh.err())
        .isEqualTo("error: cannot open decision log " + bad + ": no such file\n");
    assertThat(CliRun.stateFile(home)).doesNotExist();

    CliRun.run(home, "connect", "vlc:audio-record");
    byte[] state = Files.readAllBytes(CliRun.stateFile(home));
    CliRun existing = CliRun.run(home, "connect", "vlc:camera", "--decision-log", bad.toString());
    assertThat(existing.status()).isEqualTo(1);
    assertThat(Files.readAllBytes(CliRun.stateFile(home))).isEqualTo(state);
    assertThat(bad.getParent()).doesNotExist();
  }

  @Test
  void theEnvironmentNamesTheLog_whenTheOptionDoesNot() throws IOException {
    StringWriter err = new StringWriter();
    int status = SnapifCli.run(new String[] {"connect", "vlc:camera", "--dry-run"},
        new ByteArrayOutputStream(), new PrintWriter(err),
        Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
            "SNAPIF_DECISION_LOG", log().toString()), false);

    assertThat(status).as(err.toString()).isZero();
    assertThat(lines()).extracting(l -> l.get("mode").asText()).containsExactly("simulated");
  }

  @Test
  void disconnect_logsTheEntrysFate_withTheLifecycleRuleThatDecidedIt() throws IOException {
    CliRun disconnect = run("disconnect", "vlc:home");

    assertThat(disconnect.status()).as(disconnect.err()).isZero();
    List<JsonNode> all = lines();
    assertThat(all).hasSize(1);
    JsonNode fate = all.get(0);
    assertThat(fate.get("operation").asText()).isEqualTo("disconnect vlc:home");
    assertThat(fate.get("mode").asText()).isEqualTo("committed");
    assertThat(fate.get("kind").asText()).isEqualTo("entry");
    assertThat(fate.get("subject").asText()).isEqualTo("vlc:home core:home");
    assertThat(fate.get("event").asText()).isEqualTo("disconnect");
    assertThat(fate.get("fate").asText()).isEqualTo("undesired");
    assertThat(fate.has("outcome")).isFalse();
    assertThat(fate.get("verdict").get("rule").asText())
        .isEqualTo("lifecycle: a disconnected automatic connection is remembered as undesired");
    assertThat(fate.get("verdict").get("layer").asText()).isEqualTo("lifecycle");
    assertThat(fate.get("details").get(0).get("detail").asText())
        .isEqualTo("automatic connection, in effect");
    // a built-in fate overrides nothing
    assertThat(fate.get("overridden").toString()).isEqualTo("[]");
    assertThat(fate.get("ruleSet").asText()).isEqualTo("builtin");

    run("remove", "vlc");

    // vlc's connections in effect are deleted, the remembered home entry is retired
    assertThat(lines().subList(1, lines().size()))
        .extracting(l -> l.get("subject").asText() + " " + l.get("fate").asText())
        .contains("vlc:home core:home retired", "vlc:desktop core:desktop deleted");
  }

  @Test
  void aSiteRulesEntryFate_isLoggedWithItsOwnWords_andTheBuiltinFateItOverrode()
      throws IOException {
    Path rule = Files.writeString(home.resolve("forget-network.drl"), FORGET_NETWORK);

    CliRun disconnect = run("disconnect", "chromium:network", "--rules", rule.toString());

    assertThat(disconnect.status()).as(disconnect.err()).isZero();
    JsonNode fate = lines().get(0);
    assertThat(fate.get("fate").asText()).isEqualTo("deleted");
    assertThat(fate.get("verdict").get("rule").asText())
        .isEqualTo("site: disconnects of network are not remembered");
    assertThat(fate.get("verdict").get("layer").asText()).isEqualTo("custom-rule");
    assertThat(fate.get("verdict").get("message").asText()).isEqualTo("state entry deleted on "
        + "disconnect by custom rule \"site: disconnects of network are not remembered\"");
    assertThat(fate.get("details").get(0).get("detail").asText())
        .isEqualTo("network comes back on the next refresh");
    // the built-in rules would have remembered it: what was overridden, as for a verdict
    assertThat(fate.get("overridden")).hasSize(1);
    JsonNode overridden = fate.get("overridden").get(0);
    assertThat(overridden.get("fate").asText()).isEqualTo("undesired");
    assertThat(overridden.get("rule").asText())
        .isEqualTo("lifecycle: a disconnected automatic connection is remembered as undesired");
    assertThat(overridden.get("layer").asText()).isEqualTo("lifecycle");
    assertThat(overridden.get("detail").asText()).isEqualTo("state entry remembered as undesired"
        + " on disconnect by rule \"lifecycle: a disconnected automatic connection is remembered"
        + " as undesired\": automatic connection, in effect");
    assertThat(fate.get("ruleSet").asText()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void commandsThatDecideNothing_leaveNoLogFileBehind() throws IOException {
    assertThat(run("connections").status()).isZero();
    assertThat(run("interface", "camera").status()).isZero();
    assertThat(run("connections", "vlc").status()).isZero();
    // refused before any decision: vlc has no such plug
    assertThat(run("connect", "vlc:no-such-plug").status()).isEqualTo(1);

    assertThat(log()).doesNotExist();

    // the first decision creates it, owner-only
    assertThat(run("connect", "vlc:camera").status()).isZero();
    assertThat(lines()).hasSize(1);
    if (Files.getFileStore(log()).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log())))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void scenarioRun_logsEveryStepsDecisions_inOrder() throws IOException {
    Path scenario = Files.writeString(home.resolve("s.yaml"), """
        snaps:
          app: {yaml: "name: app\\nversion: '1'\\nplugs:\\n  camera: {}\\n  home: {}\\n"}
        ops:
          - {op: install, snap: app}
          - {op: connect, plug: "app:camera"}
          - {op: restart}
          - {op: disconnect, plug: "app:home"}
          - {op: remove, snap: app}
        """);

    CliRun r = run("scenario", "run", scenario.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("FAILED");
    assertThat(lines()).extracting(l -> l.get("operation").asText() + ": "
            + l.get("kind").asText() + " " + l.get("subject").asText() + " "
            + l.path("outcome").asText(l.path("fate").asText()))
        .containsExactly(
            "install app: installation app allowed",
            "install app: auto-connection app:camera core:camera denied",
            "install app: auto-connection app:home core:home allowed",
            "connect app:camera: connection app:camera core:camera allowed",
            "disconnect app:home: entry app:home core:home undesired",
            "remove app: entry app:camera core:camera deleted",
            "remove app: entry app:home core:home retired");
    assertThat(lines()).allSatisfy(l -> assertThat(l.get("mode").asText()).isEqualTo("committed"));
  }

  @Test
  void scenarioRun_withALogThatCannotBeOpened_failsBeforeRunning() throws IOException {
    Path scenario = Files.writeString(home.resolve("s.yaml"), "ops:\n  - {op: restart}\n");
    Path bad = home.resolve("no-such-dir").resolve("decisions.jsonl");

    CliRun r = CliRun.run(home, "scenario", "run", scenario.toString(), "--decision-log",
        bad.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: cannot open decision log " + bad + ": no such file\n");
    assertThat(r.out()).isEmpty();
  }
}
