package io.snapif.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.StateStoreException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapdStateFileTest {
  @TempDir Path dir;

  static Path sample() throws URISyntaxException {
    return Path.of(SnapdStateFileTest.class.getResource("snapd-state.json").toURI());
  }

  @Test
  void readConnections_readsEveryEntryWithFlagsAndAttributes() throws Exception {
    Map<ConnectionId, Connection> conns = SnapdStateFile.readConnections(sample());

    assertThat(conns).hasSize(6);
    Connection gadget = conns.get(ConnectionId.parse("app1:serial-port pc:serial"));
    assertThat(gadget.iface()).isEqualTo("serial-port");
    assertThat(gadget.auto()).isTrue();
    assertThat(gadget.byGadget()).isTrue();
    assertThat(gadget.undesired()).isFalse();
    assertThat(gadget.plugStatic().asMap()).containsEntry("path", "/dev/ttyS0");
    assertThat(gadget.slotStatic().asMap())
        .containsEntry("usb-vendor", 1234L)
        .containsEntry("usb-product", 1.5)
        .containsEntry("paths", List.of("/a", "/b"));
    assertThat(gadget.slotDynamic().get("nested.on")).contains(true);
    Connection home = conns.get(ConnectionId.parse("vlc:home core:home"));
    assertThat(home.undesired()).isTrue();
    assertThat(home.auto()).isTrue();
    Connection camera = conns.get(ConnectionId.parse("vlc:camera core:camera"));
    assertThat(camera.auto()).isFalse();
    assertThat(camera.plugStatic().isEmpty()).isTrue();
  }

  @Test
  void readConnections_withoutConns_isEmpty() throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"data\":{\"seeded\":true}}");
    assertThat(SnapdStateFile.readConnections(file)).isEmpty();
  }

  @Test
  void readConnections_reportsMalformedEntries() throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"data\":{\"conns\":{\"vlc:x core:x\":{\"auto\":true}}}}");
    assertThatThrownBy(() -> SnapdStateFile.readConnections(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessage("snapd state " + file + ": data.conns.vlc:x core:x: missing \"interface\"");

    Files.writeString(file, "{\"data\":{\"conns\":{\"vlc-x core:x\":{\"interface\":\"x\"}}}}");
    assertThatThrownBy(() -> SnapdStateFile.readConnections(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("invalid plug reference");

    Files.write(file, "{\"data\":".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> SnapdStateFile.readConnections(file))
        .isInstanceOf(StateStoreException.class)
        .hasMessage("snapd state " + file + ": invalid JSON at line 1, column 9: "
            + "Unexpected end-of-input within/between Object entries");
  }
}
