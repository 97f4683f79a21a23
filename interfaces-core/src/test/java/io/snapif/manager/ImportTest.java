package io.snapif.manager;

import static io.snapif.manager.Fixtures.flags;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.SnapType;
import io.snapif.store.SnapdStateFile;
import io.snapif.testing.Snaps;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportTest {

  private static Map<ConnectionId, Connection> sample() throws Exception {
    return SnapdStateFile.readConnections(
        Path.of(ImportTest.class.getResource("/io/snapif/store/snapd-state.json").toURI()));
  }

  private static DefaultInterfaceManager manager(String systemSnap) {
    DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(Fixtures.POLICY).systemSnap(systemSnap)
        .implicitInterfaces(Fixtures.IMPLICIT).build();
    m.apply(install(Snaps.snap("vlc").plugs("network", "home", "camera").build()));
    m.apply(install(Snaps.snap("pc").type(SnapType.GADGET).slots("serial=serial-port").build()));
    m.apply(install(Snaps.snap("app1").plugs("serial-port").build()));
    return m;
  }

  @Test
  void importConnections_takesSnapdEntriesForInstalledSnaps() throws Exception {
    DefaultInterfaceManager m = manager("core");

    ChangeReport report = m.importConnections(sample());

    assertThat(flags(m)).containsOnly(
        entry("vlc:network core:network", "auto"),
        entry("vlc:home core:home", "auto,undesired"),
        entry("vlc:camera core:camera", "manual"),
        entry("app1:serial-port pc:serial", "auto,gadget"),
        entry("vlc:raw-usb core:raw-usb", "manual"));
    assertThat(report.warnings()).containsExactly(
        "skipping connection gone:network core:network: snap \"gone\" is not installed");
    assertThat(Fixtures.entry(m, "app1:serial-port pc:serial").slotStatic().asMap())
        .containsEntry("usb-vendor", 1234L);
    // the raw-usb entry has no slot here: kept, but remembered rather than in effect
    assertThat(m.remembered()).extracting(r -> r.connection().id().toString())
        .containsExactlyInAnyOrder("vlc:home core:home", "vlc:raw-usb core:raw-usb");
  }

  @Test
  void importConnections_mapsCoreToTheSnapdSystemSnap() throws Exception {
    DefaultInterfaceManager m = manager("snapd");

    m.importConnections(sample());

    assertThat(flags(m)).containsEntry("vlc:network snapd:network", "auto")
        .containsEntry("vlc:home snapd:home", "auto,undesired")
        .doesNotContainKey("vlc:network core:network");
  }

  @Test
  void imported_undesiredEntry_isNotAutoConnectedByRefresh() throws Exception {
    DefaultInterfaceManager m = manager("core");
    m.importConnections(sample());

    m.apply(refresh(Snaps.snap("vlc").plugs("network", "home", "camera").build()));

    assertThat(flags(m)).containsEntry("vlc:home core:home", "auto,undesired");
  }

  @Test
  void importConnections_refusesEntryFiledUnderAnotherId() {
    DefaultInterfaceManager m = manager("core");
    Connection c = Connection.builder().id(ConnectionId.parse("vlc:home core:home"))
        .iface("home").build();
    var before = m.state();
    assertThatThrownBy(() -> m.importConnections(
        ImmutableMap.of(ConnectionId.parse("vlc:network core:network"), c)))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(m.state()).isEqualTo(before);
  }
}
