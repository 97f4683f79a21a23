package io.snapif.manager;

import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.spi.StateStoreException;
import io.snapif.spi.SystemState;
import io.snapif.store.FileStateStore;
import io.snapif.store.InMemoryStateStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfaceManagerBuilderTest {
  @TempDir Path dir;

  @Test
  void build_installsCoreSystemSnapWithImplicitSlots() {
    try (InterfaceManager m = Fixtures.manager()) {
      InstalledSnap core = m.snaps().get(0);
      assertThat(m.systemSnapName()).isEqualTo("core");
      assertThat(core.snap().type()).isEqualTo(SnapType.OS);
      assertThat(core.snap().snapId()).contains("99T7MUlRhtI3U0QFgl5mXXESAiSwt776");
      assertThat(core.snap().publisherId()).contains("canonical");
      assertThat(core.declaration()).hasValueSatisfying(
          d -> assertThat(d.plugRules()).isEmpty());
      assertThat(core.snap().slots()).containsOnlyKeys(Fixtures.IMPLICIT);
      assertThat(core.snap().slots().get("camera").iface()).isEqualTo("camera");
      assertThat(core.snap().slots().get("camera").attributes().isEmpty()).isTrue();
      assertThat(m.connections()).isEmpty();
      assertThat(m.seeded()).isFalse();
      assertThat(m.device()).isEqualTo(Device.classicUbuntu());
    }
  }

  @Test
  void build_byDefault_takesImplicitSlotsFromTheBuiltinCatalog() {
    InterfaceCatalog catalog = InterfaceCatalog.builtin();
    try (InterfaceManager classic = InterfaceManager.builder().policy(Fixtures.POLICY).build();
        InterfaceManager core = InterfaceManager.builder().policy(Fixtures.POLICY)
            .device(Device.builder().classic(false).build()).systemSnap("snapd").build()) {
      assertThat(classic.snaps().get(0).snap().slots().keySet()).containsExactlyInAnyOrderElementsOf(
          catalog.implicitOn(true).stream().map(InterfaceInfo::name).toList());
      assertThat(core.snaps().get(0).snap().slots().keySet()).containsExactlyInAnyOrderElementsOf(
          catalog.implicitOn(false).stream().map(InterfaceInfo::name).toList());
      assertThat(classic.snaps().get(0).snap().slots()).containsKeys("desktop", "network");
      assertThat(core.snaps().get(0).snap().slots()).containsKey("network")
          .doesNotContainKey("desktop");
    }
  }

  @Test
  void build_withSnapdSystemSnap_namesConnectionsWithIt() {
    try (InterfaceManager m = InterfaceManager.builder().policy(Fixtures.POLICY)
        .systemSnap("snapd").implicitInterfaces(List.of("network")).build()) {
      assertThat(m.snaps().get(0).snap().type()).isEqualTo(SnapType.SNAPD);
      assertThat(m.snaps().get(0).snap().snapId()).contains("PMrrV4ml8uWuEUDBT8dSGnKUYbevVhc4");
      m.apply(install(vlc()));
      m.apply(connect("vlc:network", "system:network"));
      assertThat(m.connections().keySet()).extracting(Object::toString)
          .containsExactly("vlc:network snapd:network");
    }
  }

  @Test
  void build_requiresPolicyAndValidSystemSnap() {
    assertThatThrownBy(() -> InterfaceManager.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy");
    assertThatThrownBy(() -> InterfaceManager.builder().systemSnap("ubuntu-core"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reopen_onSameFileStore_restoresTheSameState() {
    Path file = dir.resolve("state.json");
    SystemState before;
    try (DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(Fixtures.POLICY).implicitInterfaces(Fixtures.IMPLICIT)
        .store(FileStateStore.open(file)).build()) {
      m.apply(install(vlc()));
      m.apply(connect("vlc:camera"));
      m.apply(disconnect("vlc:home"));
      before = m.state();
    }
    try (DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(Fixtures.POLICY).implicitInterfaces(Fixtures.IMPLICIT)
        .store(FileStateStore.open(file)).build()) {
      assertThat(m.state()).isEqualTo(before);
    }
  }

  @Test
  void reopen_onSameInMemoryStore_restoresTheSameState() {
    InMemoryStateStore store = new InMemoryStateStore();
    SystemState before;
    try (DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(Fixtures.POLICY).implicitInterfaces(Fixtures.IMPLICIT).store(store).build()) {
      m.apply(install(vlc()));
      before = m.state();
    }
    try (DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(Fixtures.POLICY).implicitInterfaces(Fixtures.IMPLICIT).store(store).build()) {
      assertThat(m.state()).isEqualTo(before);
    }
  }

  @Test
  void reopen_withNewImplicitInterfaces_updatesTheSystemSnap() {
    InMemoryStateStore store = new InMemoryStateStore();
    InterfaceManager.builder().policy(Fixtures.POLICY).implicitInterfaces(List.of("network"))
        .store(store).build().close();
    try (InterfaceManager m = InterfaceManager.builder().policy(Fixtures.POLICY)
        .implicitInterfaces(List.of("network", "home")).store(store).build()) {
      assertThat(m.snaps().get(0).snap().slots()).containsOnlyKeys("network", "home");
    }
  }

  @Test
  void reopen_withOtherDeviceOrSystemSnap_isRefused() {
    InMemoryStateStore store = new InMemoryStateStore();
    InterfaceManager.builder().policy(Fixtures.POLICY).store(store).build().close();
    assertThatThrownBy(() -> InterfaceManager.builder().policy(Fixtures.POLICY).store(store)
        .systemSnap("snapd").build())
        .isInstanceOf(StateStoreException.class).hasMessageContaining("system snap");
    assertThatThrownBy(() -> InterfaceManager.builder().policy(Fixtures.POLICY).store(store)
        .device(Device.builder().classic(false).build()).build())
        .isInstanceOf(StateStoreException.class).hasMessageContaining("device");
  }

  @Test
  void build_onDamagedStore_failsAndReleasesTheStore() throws Exception {
    Path file = dir.resolve("state.json");
    java.nio.file.Files.writeString(file, "{\"format\":1,\"checksum\":\"sha256:");
    assertThatThrownBy(() -> InterfaceManager.builder().policy(Fixtures.POLICY)
        .store(FileStateStore.open(file)).build())
        .isInstanceOf(StateStoreException.class).hasMessage("cannot read state file " + file
            + ": not a valid state file (no format and checksum header)");
    FileStateStore.open(file).close(); // the lock was released
  }

  @Test
  void closedManager_refusesOperations() {
    InterfaceManager m = Fixtures.manager();
    m.close();
    assertThatThrownBy(() -> m.apply(install(vlc()))).isInstanceOf(IllegalStateException.class);
  }
}
