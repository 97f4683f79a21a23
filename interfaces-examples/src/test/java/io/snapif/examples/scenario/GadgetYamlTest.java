package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.model.GadgetConnection;
import org.junit.jupiter.api.Test;

class GadgetYamlTest {

  @Test
  void entryWithoutSlotMeansTheSystemSlotNamedAsThePlug() {
    var conns = GadgetYaml.connections("""
        volumes: {}
        connections:
          - plug: app1-id:serial-port
            slot: pi-id:serial4
          - plug: app2-id:camera
        """, "gadget.yaml");

    assertThat(conns).containsExactly(
        GadgetConnection.builder().plugSnapId("app1-id").plugName("serial-port")
            .slotSnapId("pi-id").slotName("serial4").build(),
        GadgetConnection.builder().plugSnapId("app2-id").plugName("camera")
            .slotSnapId("system").slotName("camera").build());
  }

  @Test
  void noConnectionsIsAnEmptyList() {
    assertThat(GadgetYaml.connections("volumes:\n  pc: {schema: gpt}\n", "g")).isEmpty();
    assertThat(GadgetYaml.connections("", "g")).isEmpty();
  }

  @Test
  void malformedEndsAreRejectedWithSnapdsWords() {
    assertThatThrownBy(() -> GadgetYaml.connections(
        "connections:\n  - plug: app1-id\n", "pc/gadget.yaml"))
        .isInstanceOf(InvalidSnapException.class)
        .hasMessage("pc/gadget.yaml: cannot parse gadget metadata: in gadget connection plug: "
            + "expected \"(<snap-id>|system):name\" not \"app1-id\"");
    assertThatThrownBy(() -> GadgetYaml.connections(
        "connections:\n  - slot: system:camera\n", "g"))
        .isInstanceOf(InvalidSnapException.class)
        .hasMessage("g: gadget connection plug cannot be empty");
    assertThatThrownBy(() -> GadgetYaml.connections("connections: [\n", "g"))
        .isInstanceOf(InvalidSnapException.class)
        .hasMessageStartingWith("g: cannot parse gadget metadata: ");
  }

  @Test
  void defaultsMustBeKeyedBySystemOrSnapId() {
    assertThat(GadgetYaml.connections(
        "defaults:\n  system: {a: 1}\n  99T7MUlRhtI3U0QFgl5mXXESAiSwt776: {b: 2}\n", "g"))
        .isEmpty();
    assertThatThrownBy(() -> GadgetYaml.connections("defaults:\n  vlc: {a: 1}\n", "g"))
        .isInstanceOf(InvalidSnapException.class)
        .hasMessage("g: default stanza not keyed by \"system\" or snap-id: vlc");
  }
}
