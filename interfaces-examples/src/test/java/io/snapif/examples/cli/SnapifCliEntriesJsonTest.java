package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code entries} of the {@code --json} output of changing commands: what became of each
 * state entry the command touched, and by which rule, as the decision log's {@code entry} lines
 * say it.
 */
class SnapifCliEntriesJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNDESIRED_RULE =
      "lifecycle: a disconnected automatic connection is remembered as undesired";

  @TempDir Path home;

  private JsonNode json(String... args) throws IOException {
    CliRun r = CliRun.run(home, args);
    assertThat(r.status()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /** The decision log's {@code entry} lines without the fields of the whole operation. */
  private List<JsonNode> loggedEntries(Path log) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      ObjectNode n = (ObjectNode) JSON.readTree(line);
      if (n.get("kind").asText().equals("entry")) {
        n.remove(List.of("id", "time", "operation", "mode", "kind", "ruleSet", "generation"));
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void disconnectDryRun_namesTheRuleThatRemembersTheAutoConnectionAsUndesired()
      throws IOException {
    JsonNode report = json("disconnect", "vlc:home", "--dry-run", "--json");

    assertThat(report.get("committed").asBoolean()).isFalse();
    assertThat(report.get("changed").get("vlc:home core:home").get("undesired").asBoolean())
        .isTrue();
    // a disconnect checks nothing: its decision is the entry's fate
    assertThat(report.get("decisions")).isEmpty();
    assertThat(report.get("entries")).hasSize(1);
    JsonNode entry = report.get("entries").get(0);
    assertThat(entry.get("subject").asText()).isEqualTo("vlc:home core:home");
    assertThat(entry.get("event").asText()).isEqualTo("disconnect");
    assertThat(entry.get("fate").asText()).isEqualTo("undesired");
    assertThat(entry.get("verdict").get("rule").asText()).isEqualTo(UNDESIRED_RULE);
    assertThat(entry.get("verdict").get("layer").asText()).isEqualTo("lifecycle");
    assertThat(entry.get("verdict").get("message").asText()).isEqualTo(
        "state entry remembered as undesired on disconnect by rule \"" + UNDESIRED_RULE + "\"");
    assertThat(entry.get("details")).hasSize(1);
    assertThat(entry.get("details").get(0).get("detail").asText())
        .isEqualTo("automatic connection, in effect");
    assertThat(entry.get("overridden")).isEmpty();
    assertThat(CliRun.stateFile(home)).doesNotExist();
  }

  @Test
  void realDisconnect_listsEveryEntryItTouched_asTheDecisionLogLogsThem() throws IOException {
    CliRun.run(home, "connect", "vlc:camera");
    Path log = home.resolve("decisions.jsonl");

    // vlc:camera manual and vlc:home auto, both disconnected by naming the system snap's slots
    JsonNode camera = json("disconnect", "vlc:camera", "--json", "--decision-log",
        log.toString());
    JsonNode homeReport = json("disconnect", "vlc:home", ":home", "--json", "--decision-log",
        log.toString());

    assertThat(camera.get("committed").asBoolean()).isTrue();
    assertThat(camera.get("removed").has("vlc:camera core:camera")).isTrue();
    JsonNode deleted = camera.get("entries").get(0);
    assertThat(camera.get("entries")).hasSize(1);
    assertThat(deleted.get("fate").asText()).isEqualTo("deleted");
    assertThat(deleted.get("verdict").get("message").asText())
        .isEqualTo("state entry deleted on disconnect by rule"
            + " \"lifecycle: a disconnected manual connection is deleted\"");
    assertThat(deleted.get("details").get(0).get("detail").asText())
        .isEqualTo("manual connection, in effect");
    assertThat(homeReport.get("entries").get(0).get("fate").asText()).isEqualTo("undesired");
    // the same objects as the log's entry lines, field by field
    List<JsonNode> reported = new ArrayList<>();
    camera.get("entries").forEach(reported::add);
    homeReport.get("entries").forEach(reported::add);
    assertThat(reported).isEqualTo(loggedEntries(log));
  }

  @Test
  void aSiteRulesFate_namesTheBuiltinFateItOverrode() throws IOException {
    Path rule = Files.writeString(home.resolve("forget-network.drl"),
        SnapifCliDecisionLogTest.FORGET_NETWORK);

    JsonNode report = json("disconnect", "chromium:network", "--dry-run", "--json",
        "--rules", rule.toString());

    JsonNode entry = report.get("entries").get(0);
    assertThat(entry.get("fate").asText()).isEqualTo("deleted");
    assertThat(entry.get("verdict").get("layer").asText()).isEqualTo("custom-rule");
    assertThat(entry.get("details").get(0).get("detail").asText())
        .isEqualTo("network comes back on the next refresh");
    JsonNode overridden = entry.get("overridden").get(0);
    assertThat(overridden.get("fate").asText()).isEqualTo("undesired");
    assertThat(overridden.get("rule").asText()).isEqualTo(UNDESIRED_RULE);
    assertThat(overridden.get("layer").asText()).isEqualTo("lifecycle");
    assertThat(overridden.get("detail").asText()).isEqualTo("state entry remembered as"
        + " undesired on disconnect by rule \"" + UNDESIRED_RULE + "\": automatic connection,"
        + " in effect");
  }

  @Test
  void aCommandThatTouchesNoEntry_hasNoEntries_andItsTextOutputIsUnchanged() throws IOException {
    assertThat(json("connect", "vlc:camera", "--dry-run", "--json").get("entries")).isEmpty();
    // snap's text: a disconnect prints nothing, a dry run its changes
    assertThat(CliRun.run(home, "disconnect", "vlc:home", "--dry-run").out())
        .isEqualTo("would disconnect vlc:home :home (home, auto, undesired)\n");
    CliRun disconnect = CliRun.run(home, "disconnect", "vlc:home");
    assertThat(disconnect.out()).isEmpty();
    assertThat(disconnect.err()).isEmpty();
  }
}
