package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.snapif.model.GadgetConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

class GadgetYamlTest {
  private static List<GadgetConnection> read(String yaml) {
    return GadgetYaml.readConnections(yaml, "gadget.yaml");
  }

  @Test
  void connectionsWithAndWithoutSlot() {
    List<GadgetConnection> c = read("""
        volumes:
          pi:
            schema: mbr
            bootloader: u-boot
        defaults:
          system:
            service.ssh.disable: true
          0123456789abcdefABCDEF0123456789:
            foo: bar
        connections:
          - plug: vlc-id:camera
          - plug: app-id:i2c
            slot: pi-id:i2c-1
          - plug: system:network
            slot: system:network
        """);
    assertThat(c).extracting(GadgetConnection::toString).containsExactly(
        "vlc-id:camera system:camera", "app-id:i2c pi-id:i2c-1", "system:network system:network");
  }

  @Test
  void noConnectionsIsEmpty() {
    assertThat(read("")).isEmpty();
    assertThat(read("volumes: {}\n")).isEmpty();
    assertThat(read("connections:\n")).isEmpty();
  }

  @Test
  void malformedEndsAreRefused() {
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections:\n  - plug: camera\n"))
        .satisfies(e -> {
          assertThat(e.line()).hasValue(2);
          assertThat(e.path()).isEqualTo("connections[0].plug");
          assertThat(e.problem()).isEqualTo("in gadget connection plug: expected "
              + "\"(<snap-id>|system):name\" not \"camera\"");
        });
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections:\n  - plug: a:b:c\n"))
        .withMessageContaining("not \"a:b:c\"");
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections:\n  - plug: a-id:p\n    slot: ':s'\n"))
        .withMessageContaining("in gadget connection slot: expected");
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections:\n  - slot: a-id:s\n"))
        .withMessageContaining("gadget connection plug cannot be empty");
  }

  @Test
  void badShapesAndDefaultsKeysAreRefused() {
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections: {plug: a:b}\n"))
        .withMessageContaining("cannot unmarshal !!map into []gadget.Connection");
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("defaults:\n  vlc:\n    a: b\n"))
        .withMessageContaining("default stanza not keyed by \"system\" or snap-id: vlc");
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections:\n  - [plug]\n"))
        .withMessageContaining("cannot unmarshal !!seq into gadget.Connection");
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> read("connections: [\n"))
        .satisfies(e -> assertThat(e.source()).isEqualTo("gadget.yaml"));
  }
}
