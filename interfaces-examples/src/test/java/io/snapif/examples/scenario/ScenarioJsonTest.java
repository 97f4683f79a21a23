package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.manager.ErrorKind;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {
  private static final ObjectMapper INDENTED =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static Connection entry(String id, boolean auto, boolean gadget, boolean undesired) {
    ConnectionId cid = ConnectionId.parse(id);
    return Connection.builder().id(cid).iface(cid.plug().name()).auto(auto).byGadget(gadget)
        .undesired(undesired).build();
  }

  @Test
  void write_isTheIndentedJsonOfTheFormat_writtenStepByStep() throws Exception {
    ScenarioResult result = ScenarioResult.builder().name("s")
        .addSteps(StepResult.builder().op("install vlc").ok(true)
            .putConnections("vlc:home core:home", entry("vlc:home core:home", true, false, false))
            .putConnections("vlc:x gadget:x", entry("vlc:x gadget:x", true, true, true))
            .build())
        .addSteps(StepResult.builder().op("connect vlc:nosuch").ok(false)
            .errorKind(ErrorKind.NOT_FOUND).message("snap \"vlc\" has no plug \"nosuch\"")
            .putConnections("vlc:camera core:camera",
                entry("vlc:camera core:camera", false, false, false))
            .build())
        .build();

    // the same document built as a tree and written by Jackson in one go
    ObjectNode root = INDENTED.createObjectNode().put("name", "s");
    var steps = root.putArray("steps");
    ObjectNode first = steps.addObject().put("op", "install vlc").put("ok", true);
    ObjectNode c1 = first.putObject("connections");
    c1.putObject("vlc:home core:home").put("interface", "home").put("auto", true);
    c1.putObject("vlc:x gadget:x").put("interface", "x").put("auto", true)
        .put("by-gadget", true).put("undesired", true);
    ObjectNode second = steps.addObject().put("op", "connect vlc:nosuch").put("ok", false);
    second.putObject("error").put("kind", "not-found")
        .put("message", "snap \"vlc\" has no plug \"nosuch\"");
    second.putObject("connections").putObject("vlc:camera core:camera")
        .put("interface", "camera");

    assertThat(ScenarioJson.write(result)).isEqualTo(INDENTED.writeValueAsString(root));
  }

  @Test
  void runWithoutKeepingStates_givesEachStateToTheListenerOnly() {
    Scenario scenario = ScenarioReader.parse("""
        classic: true
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
        """, "test.yaml", "test");
    ScenarioRunner runner = new ScenarioRunner(Managers.fileBacked(List.of()));
    List<Map<String, Connection>> heard = new ArrayList<>();

    ScenarioResult light = runner.run(scenario, (i, n, step) -> heard.add(step.connections()),
        false);
    ScenarioResult whole = runner.run(scenario);

    assertThat(heard).containsExactlyElementsOf(
        whole.steps().stream().map(StepResult::connections).toList());
    assertThat(heard.get(1)).containsKeys("vlc:home core:home", "vlc:camera core:camera");
    assertThat(light.steps()).allSatisfy(step -> assertThat(step.connections()).isEmpty());
    assertThat(light.steps()).extracting(StepResult::op)
        .containsExactlyElementsOf(whole.steps().stream().map(StepResult::op).toList());
  }
}
