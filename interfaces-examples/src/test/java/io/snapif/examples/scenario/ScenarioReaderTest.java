package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.snapif.model.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

  static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files.filter(f -> f.toString().endsWith(".json"))
          .filter(f -> !f.toString().endsWith(".expected.json")).sorted().toList();
    }
  }

  @Test
  void readsEveryWorkedScenario_opForOp() throws IOException {
    List<Path> files = scenarioFiles();
    assertThat(files).hasSizeGreaterThan(30);
    for (Path file : files) {
      JsonNode raw = new ObjectMapper().readTree(file.toFile());
      Scenario s = ScenarioReader.read(file);

      assertThat(s.ops()).as(file.toString()).hasSize(raw.get("ops").size());
      assertThat(s.ops()).as(file.toString())
          .noneMatch(op -> op instanceof ScenarioOp.Unsupported);
      assertThat(s.snaps().keySet()).as(file.toString())
          .containsExactlyElementsOf(() -> raw.get("snaps").fieldNames());
    }
  }

  @Test
  void yamlAndJsonOfTheSameScenarioAreEqual() throws IOException {
    Path file = SCENARIOS.resolve("vlc.json");
    JsonNode raw = new ObjectMapper().readTree(file.toFile());
    String yaml = new YAMLMapper().writeValueAsString(raw);

    Scenario fromYaml = ScenarioReader.parse(yaml, "vlc.yaml", "vlc");

    assertThat(fromYaml).isEqualTo(ScenarioReader.read(file));
  }

  @Test
  void snapsGetDefaultIdentitiesUnlessDangerous() {
    Scenario s = ScenarioReader.parse("""
        {"snaps": {"a": {"yaml": "name: a\\n"},
                   "b": {"yaml": "name: b\\n", "snap-id": "bbb", "publisher-id": "pub"},
                   "c": {"yaml": "name: c\\n", "dangerous": true, "snap-id": "ccc"}},
         "ops": []}""", "t.json", "t");

    assertThat(s.snaps().get("a").effectiveSnapId()).contains("a-id");
    assertThat(s.snaps().get("a").effectivePublisherId()).contains("dev-a");
    assertThat(s.snaps().get("b").effectiveSnapId()).contains("bbb");
    assertThat(s.snaps().get("b").effectivePublisherId()).contains("pub");
    assertThat(s.snaps().get("c").effectiveSnapId()).isEmpty();
    assertThat(s.snaps().get("c").effectivePublisherId()).isEmpty();
  }

  @Test
  void deviceDefaultsDependOnTheKindOfSystem() {
    Scenario classic = ScenarioReader.parse("{\"ops\": []}", "t.json", "t");
    Scenario core = ScenarioReader.parse("{\"classic\": false, \"ops\": []}", "t.json", "t");
    Scenario branded = ScenarioReader.parse("""
        {"classic": false, "distro": "debian",
         "model": {"brand-id": "acme", "store": "acme-store"}, "ops": []}""", "t.json", "t");
    Scenario withGadget = ScenarioReader.parse(
        "{\"model\": {\"gadget\": \"pi\"}, \"ops\": []}", "t.json", "t");

    assertThat(classic.device()).isEqualTo(Device.builder().classic(true).distro("ubuntu")
        .brand("generic").model("generic-classic").build());
    assertThat(core.device()).isEqualTo(Device.builder().classic(false).distro("ubuntu")
        .brand("canonical").model("pc").build());
    assertThat(branded.device()).isEqualTo(Device.builder().classic(false).distro("debian")
        .brand("acme").model("pc").store("acme-store").build());
    assertThat(withGadget.device()).isEqualTo(Device.builder().classic(true).distro("ubuntu")
        .brand("generic").model("generic-classic").gadget("pi").build());
  }

  @Test
  void connectSlotForms() {
    Scenario s = ScenarioReader.parse("""
        ops:
          - {op: connect, plug: "vlc:camera"}
          - {op: connect, plug: "vlc:camera", slot: ":camera"}
          - {op: connect, plug: "vlc:camera", slot: "system:camera"}
          - {op: connect, plug: "vlc:camera", slot: "webcam-provider"}
          - {op: connect, plug: "vlc:camera", slot: "webcam-provider:cam"}
        """, "t.yaml", "t");

    assertThat(s.ops()).containsExactly(
        new ScenarioOp.Connect("vlc", "camera", Optional.empty(), Optional.empty()),
        new ScenarioOp.Connect("vlc", "camera", Optional.of(""), Optional.of("camera")),
        new ScenarioOp.Connect("vlc", "camera", Optional.of(""), Optional.of("camera")),
        new ScenarioOp.Connect("vlc", "camera", Optional.of("webcam-provider"), Optional.empty()),
        new ScenarioOp.Connect("vlc", "camera", Optional.of("webcam-provider"),
            Optional.of("cam")));
  }

  @Test
  void disconnectForms() {
    Scenario s = ScenarioReader.parse("""
        ops:
          - {op: disconnect, plug: "vlc:home"}
          - {op: disconnect, plug: "vlc:home", slot: ":home", forget: true}
        """, "t.yaml", "t");

    assertThat(s.ops()).containsExactly(
        new ScenarioOp.Disconnect("vlc", "home", Optional.empty(), Optional.empty(), false),
        new ScenarioOp.Disconnect("vlc", "home", Optional.of(""), Optional.of("home"), true));
  }

  @Test
  void opsTheRunnerCannotRunAreKeptInPlace() {
    Scenario s = ScenarioReader.parse("""
        ops:
          - {op: revert, snap: vlc}
          - {op: connect, plug: "vlc"}
          - {op: disconnect, plug: "vlc:home", slot: "core"}
          - {op: restart}
        """, "t.yaml", "t");

    assertThat(s.ops()).hasSize(4);
    assertThat(s.ops().get(0)).isInstanceOfSatisfying(ScenarioOp.Unsupported.class,
        u -> assertThat(u.problem()).isEqualTo("unknown op \"revert\""));
    assertThat(s.ops().get(1)).isInstanceOfSatisfying(ScenarioOp.Unsupported.class,
        u -> assertThat(u.problem()).contains("\"vlc\"", "want snap:name"));
    assertThat(s.ops().get(2)).isInstanceOf(ScenarioOp.Unsupported.class);
    assertThat(s.ops().get(3)).isEqualTo(new ScenarioOp.Restart());
  }

  @Test
  void structureErrorsNameTheKey() {
    assertThatThrownBy(() -> ScenarioReader.parse(
        "{\"snaps\": {\"vlc\": {\"yml\": \"x\"}}, \"ops\": []}", "s.json", "s"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("s.json: snaps.vlc.yml: unknown key");
    assertThatThrownBy(() -> ScenarioReader.parse(
        "{\"ops\": [{\"op\": \"install\", \"snap\": 3}]}", "s.json", "s"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("s.json: ops[0].snap: expected a string");
    assertThatThrownBy(() -> ScenarioReader.parse("{\"ops\": [", "s.json", "s"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("s.json: not valid JSON");
    assertThatThrownBy(() -> ScenarioReader.parse("{\"snaps\": {}}", "s.json", "s"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("s.json: ops: missing");
    assertThatThrownBy(() -> ScenarioReader.parse(
        "{\"classic\": \"yes\", \"ops\": []}", "s.json", "s"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("s.json: classic: expected true or false");
  }
}
